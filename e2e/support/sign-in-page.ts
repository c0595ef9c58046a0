import { expect, type Locator, type Page } from '@playwright/test';

/** The sign-in page (/signin), located by roles and labels only. */
export class SignInPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly heading: Locator;
  readonly demoSignIns: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByLabel('Username', { exact: true });
    this.password = page.getByLabel('Password', { exact: true });
    this.submit = page.getByRole('button', { name: 'Sign in', exact: true });
    this.heading = page.getByRole('heading', { name: 'Sign in', exact: true });
    this.demoSignIns = page.getByRole('list', { name: 'Demo users' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/signin');
    await this.expectVisible();
  }

  async expectVisible(): Promise<void> {
    await expect(this.page).toHaveURL(/\/signin(\?|$)/);
    await expect(this.heading).toBeVisible();
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  demoUserButton(username: string): Locator {
    return this.page.getByRole('button', { name: `Fill in ${username}` });
  }

  /** The form-level error (Cognito's answer in plain words); exact, so Cloudscape's hidden live-region copy is not matched. */
  error(text: string): Locator {
    return this.page.getByText(text, { exact: true });
  }
}
