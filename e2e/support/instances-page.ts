import { expect, type Locator, type Page } from '@playwright/test';

/** EC2 → Instances, the instance details page, and the Modify IAM role dialog, by roles and labels. */
export class InstancesPage {
  readonly table: Locator;
  readonly actions: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Instances' });
    this.actions = page.getByRole('button', { name: 'Actions' });
  }

  /** Opens the list filtered to one Name (the filter lives in the URL). */
  async gotoFiltered(name: string): Promise<void> {
    await this.page.goto(`/instances?name=${encodeURIComponent(name)}`);
    await expect(this.table.getByRole('row').filter({ hasText: name })).toBeVisible({ timeout: 30_000 });
  }

  async gotoDetails(instanceId: string): Promise<void> {
    await this.page.goto(`/instances/${instanceId}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText('Instance summary for', { timeout: 30_000 });
  }

  row(text: string): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }

  async select(name: string): Promise<void> {
    await this.table.getByRole('checkbox', { name: `Select instance ${name}` }).check();
  }

  /** Actions → Security → <item>. */
  async openSecurityAction(item: string): Promise<void> {
    await this.actions.click();
    await this.page.getByRole('menuitem', { name: 'Security' }).click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }

  securityActionItem(item: string): Locator {
    return this.page.getByRole('menuitem', { name: item });
  }

  dialog(name = 'Modify IAM role'): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** The IAM role drop-down's trigger in `dialog` (named by its label and the chosen profile). */
  profileTrigger(dialog: Locator): Locator {
    return dialog.getByRole('button', { name: /IAM role/ }).first();
  }

  /** The filter of the open IAM role drop-down. */
  profileFilter(): Locator {
    return this.page.getByRole('combobox', { name: 'Find instance profiles' });
  }

  /** Picks an entry of the IAM role drop-down, typing into its filter first. */
  async chooseRole(dialog: Locator, option: string): Promise<void> {
    await this.profileTrigger(dialog).click();
    await this.profileFilter().fill(option);
    await this.page.getByRole('option', { name: new RegExp(`^${option}`) }).first().click();
  }

  successNotification(text: string | RegExp): Locator {
    return this.page.getByText(text).first();
  }

  /** The role link shown as "IAM Role" on the details page (summary and tabs). */
  roleLink(roleName: string): Locator {
    return this.page.getByRole('main').getByRole('link', { name: roleName, exact: true });
  }
}
