import { expect, type Locator, type Page } from '@playwright/test';

/** The signed-in console shell: top navigation, side navigation and the current page's table. */
export class ConsolePage {
  readonly sideNavigation: Locator;

  constructor(readonly page: Page) {
    this.sideNavigation = page.getByRole('navigation', { name: 'Side navigation' });
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(path);
  }

  accountMenu(accountId: string): Locator {
    return this.page.getByRole('button', { name: `Account ${accountId}` });
  }

  userMenu(username: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^User menu: ${username},`) });
  }

  async expectSignedInAs(username: string, roleLabel: string, accountId: string): Promise<void> {
    await expect(this.userMenu(username)).toBeVisible();
    await expect(this.userMenu(username)).toContainText(`${username} (${roleLabel})`);
    await expect(this.accountMenu(accountId)).toContainText(accountId);
  }

  /** Opens the user menu and returns the assumed-role ARN it shows (STS GetCallerIdentity). */
  async callerArn(username: string): Promise<string> {
    await this.userMenu(username).click();
    // TopNavigation keeps hidden copies of its utilities for responsive layout: only the open one is visible.
    const arn = this.page.getByText(/Signed in as arn:aws:sts::/).filter({ visible: true });
    await expect(arn).toBeVisible();
    const text = (await arn.textContent()) ?? '';
    await this.page.keyboard.press('Escape');
    return text.replace('Signed in as ', '').trim();
  }

  async signOut(username: string): Promise<void> {
    await this.userMenu(username).click();
    await this.page.getByRole('menuitem', { name: 'Sign out' }).click();
  }

  async openFromSideNavigation(name: 'Roles' | 'Policies' | 'Instances'): Promise<void> {
    await this.sideNavigation.getByRole('link', { name, exact: true }).click();
  }

  table(name: 'Roles' | 'Policies' | 'Instances'): Locator {
    return this.page.getByRole('table', { name });
  }

  /** Waits for the table to finish loading and show at least one data row (longer `timeout` under injected faults). */
  async expectRows(name: 'Roles' | 'Policies' | 'Instances', timeout?: number): Promise<void> {
    const table = this.table(name);
    await expect(table).toBeVisible();
    await expect(table.getByRole('row').nth(1)).toBeVisible({ timeout });
    await expect(table.getByText(/^Loading/)).toHaveCount(0, { timeout });
  }

  refreshButton(name: 'Roles' | 'Policies' | 'Instances'): Locator {
    return this.page.getByRole('button', { name: `Refresh ${name.toLowerCase()}` });
  }

  errorAlerts(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /Permission missing|Cannot reach AWS|Session expired|Credentials not accepted|Request failed/ });
  }
}
