import { expect, type Locator, type Page } from '@playwright/test';

/** IAM → Roles (list) and a role's page, located by roles and labels only. */
export class RolesListPage {
  readonly table: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Roles' });
    this.search = page.getByRole('searchbox', { name: 'Find roles' });
  }

  async goto(filter?: string): Promise<void> {
    await this.page.goto(filter ? `/roles?filter=${encodeURIComponent(filter)}` : '/roles');
    await expect(this.table.getByRole('row').nth(1)).toBeVisible({ timeout: 30_000 });
    await expect(this.table.getByText(/^Loading roles/)).toHaveCount(0);
  }

  row(roleName: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name: roleName, exact: true }) });
  }

  async select(roleName: string): Promise<void> {
    await this.table.getByRole('checkbox', { name: roleName, exact: true }).check();
  }

  deleteButton(): Locator {
    return this.page.getByRole('button', { name: 'Delete', exact: true });
  }
}

export class RoleDetailsPage {
  constructor(readonly page: Page) {}

  async goto(roleName: string, tab?: 'permissions' | 'trust' | 'tags' | 'instances'): Promise<void> {
    await this.page.goto(`/roles/${encodeURIComponent(roleName)}${tab ? `?tab=${tab}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 1, name: roleName })).toBeVisible({ timeout: 30_000 });
  }

  tab(name: 'Permissions' | 'Trust relationships' | 'Tags' | 'Instances using this role'): Locator {
    return this.page.getByRole('tab', { name });
  }

  tabPanel(): Locator {
    return this.page.getByRole('tabpanel');
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  table(name: 'Managed policies' | 'Inline policies' | 'Tags' | 'Instances using this role'): Locator {
    return this.page.getByRole('table', { name });
  }

  /** The CLI equivalent panel inside a dialog. */
  cli(dialog: Locator): Locator {
    return dialog.getByRole('group', { name: 'AWS CLI commands' });
  }

  notification(text: string | RegExp): Locator {
    return this.page.getByText(text).first();
  }

  /** Filters one of the policy tables (from the create-role wizard) and returns the policy's row once loaded. */
  async findPolicy(dialog: Locator, title: string, name: string): Promise<Locator> {
    await expect(dialog.getByText(/Loading more policies/)).toHaveCount(0, { timeout: 30_000 });
    await dialog.getByRole('searchbox', { name: `Filter ${title}` }).fill(name);
    const row = dialog.getByRole('table', { name: title }).getByRole('row').filter({ has: this.page.getByText(name, { exact: true }) });
    await expect(row).toBeVisible();
    return row;
  }
}
