import { expect, type Locator, type Page } from '@playwright/test';

/** The policy pages (/policies, /policies/create, /policies/details, /policies/edit), by roles and labels only. */
export class PoliciesPages {
  constructor(readonly page: Page) {}

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Policies' });
  }

  async gotoList(query = ''): Promise<void> {
    await this.page.goto(`/policies${query}`);
    await expect(this.table).toBeVisible();
    await expect(this.table.getByText(/^Loading policies/)).toHaveCount(0);
  }

  async gotoDetails(arn: string, tab?: string): Promise<void> {
    await this.page.goto(`/policies/details?arn=${encodeURIComponent(arn)}${tab ? `&tab=${tab}` : ''}`);
    await expect(this.page.getByRole('heading', { name: 'Policy details', level: 2 })).toBeVisible();
  }

  /** The JSON editor (a textarea named after its label); its findings update as it changes. */
  get documentEditor(): Locator {
    return this.page.getByRole('textbox', { name: 'Policy document', exact: true });
  }

  async fillDocument(document: unknown): Promise<void> {
    await this.documentEditor.fill(JSON.stringify(document, null, 4));
    await expect(this.page.getByRole('status', { name: 'Findings for Policy document: no findings' })).toBeVisible();
  }

  cliEquivalent(): Locator {
    return this.page.getByRole('group', { name: 'AWS CLI equivalent' });
  }

  tab(name: 'Permissions' | 'Entities attached' | 'Policy versions' | 'Tags'): Locator {
    return this.page.getByRole('tab', { name });
  }

  deleteDialog(name: string): Locator {
    return this.page.getByRole('dialog', { name: `Delete ${name}?` });
  }

  notification(text: string | RegExp): Locator {
    return this.page.getByText(text).first();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/policies-screens/${name}.png`, fullPage: true });
  }
}
