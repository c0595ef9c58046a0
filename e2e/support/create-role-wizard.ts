import { expect, type Locator, type Page } from '@playwright/test';

/** The create-role wizard (/roles/create), located by roles and labels only. */
export class CreateRoleWizard {
  readonly policiesTable: Locator;
  readonly boundaryTable: Locator;
  readonly roleName: Locator;
  readonly description: Locator;
  readonly createButton: Locator;
  readonly nextButton: Locator;

  constructor(readonly page: Page) {
    this.policiesTable = page.getByRole('table', { name: 'Permissions policies' });
    this.boundaryTable = page.getByRole('table', { name: 'Permissions boundary policy' });
    this.roleName = page.getByLabel('Role name', { exact: true });
    this.description = page.getByLabel('Description', { exact: true });
    this.createButton = page.getByRole('button', { name: 'Create role', exact: true });
    this.nextButton = page.getByRole('button', { name: 'Next', exact: true });
  }

  async openFromRolesList(): Promise<void> {
    await this.page.goto('/roles');
    await this.page.getByRole('link', { name: 'Create role' }).click();
    await expect(this.page).toHaveURL(/\/roles\/create$/);
    await this.expectStep('Select trusted entity');
  }

  async expectStep(title: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  }

  trustedEntityType(label: string): Locator {
    return this.page.getByRole('radio', { name: new RegExp(`^${label}`) });
  }

  useCase(label: string): Locator {
    return this.page.getByRole('radiogroup', { name: /^Use cases for/ }).getByRole('radio', { name: new RegExp(`^${label}`) });
  }

  generatedTrustPolicy(): Locator {
    return this.page.getByLabel('Generated trust policy');
  }

  async next(expectedTitle: string): Promise<void> {
    await this.nextButton.click();
    await this.expectStep(expectedTitle);
  }

  /** Filters a policy table by text (and optionally type) and waits for the policy's row. */
  async findPolicy(table: Locator, name: string, type?: string): Promise<Locator> {
    const title = table === this.boundaryTable ? 'Permissions boundary policy' : 'Permissions policies';
    await expect(this.page.getByText(/Loading more policies/)).toHaveCount(0, { timeout: 20_000 });
    if (type) {
      await this.page.getByRole('button', { name: new RegExp(`^Filter ${title} by type`) }).click();
      await this.page.getByRole('option', { name: type, exact: true }).click();
    }
    await this.page.getByRole('searchbox', { name: `Filter ${title}` }).fill(name);
    const row = table.getByRole('row').filter({ has: this.page.getByText(name, { exact: true }) });
    await expect(row).toBeVisible();
    return row;
  }

  async selectPolicy(name: string, type?: string): Promise<void> {
    const row = await this.findPolicy(this.policiesTable, name, type);
    await row.getByRole('checkbox', { name }).check();
  }

  async setBoundary(name: string): Promise<void> {
    await this.page.getByRole('button', { name: /Set permissions boundary/ }).click();
    await this.page.getByRole('radio', { name: 'Use a permissions boundary to control the maximum role permissions' }).check();
    const row = await this.findPolicy(this.boundaryTable, name);
    await row.getByRole('radio', { name }).check();
  }

  async addInlinePolicy(name: string, document: string): Promise<void> {
    await this.page.getByRole('button', { name: /Add an inline policy/ }).click();
    await this.page.getByRole('checkbox', { name: 'Add an inline policy to the role' }).check();
    await this.page.getByLabel('Inline policy name').fill(name);
    await this.page.getByRole('textbox', { name: 'Inline policy document' }).fill(document);
    await expect(this.page.getByRole('region', { name: 'Findings for Inline policy document' }).or(this.page.getByRole('status', { name: /Inline policy document: no findings/ }))).toBeVisible();
  }

  async addTag(index: number, key: string, value: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add new tag' }).click();
    await this.page.getByLabel(`Tag ${index} key`).fill(key);
    await this.page.getByLabel(`Tag ${index} value`).fill(value);
  }

  progress(): Locator {
    return this.page.getByRole('list', { name: 'Create role progress' });
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/create-role-screens/${name}.png`, fullPage: true });
  }
}
