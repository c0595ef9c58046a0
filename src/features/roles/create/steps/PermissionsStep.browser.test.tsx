import { useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { policyDocumentQueries } from '../../../policies/api/get-policy-document.ts';
import { policyPageQueries, type ManagedPolicy } from '../../../policies/api/list-policy-pages.ts';
import { initialWizardState, withTrustedEntity, type SelectedPolicy, type WizardState } from '../wizard-state.ts';
import { PermissionsStep } from './PermissionsStep.tsx';

function policy(name: string, path = '/', owner = 'aws'): ManagedPolicy {
  return { name, path, arn: `arn:aws:iam::${owner}:policy${path}${name}`, policyId: `ANPA${name}`, attachmentCount: 0, isAttachable: true };
}

const POLICIES = [
  policy('AdministratorAccess'),
  policy('AmazonS3ReadOnlyAccess'),
  policy('AmazonSSMManagedInstanceCore'),
  policy('ViewOnlyAccess', '/job-function/'),
  policy('AWSSupportServiceRolePolicy', '/aws-service-role/'),
  ...Array.from({ length: 10 }, (_, index) => policy(`team-policy-${index + 1}`, '/', '123456789012')),
];
/** Attachable: all but the service-role policy. */
const ATTACHABLE = POLICIES.length - 1;

const selected = (policies: ManagedPolicy[]): SelectedPolicy[] => policies.map(({ arn, name, path }) => ({ arn, name, path }));

/**
 * The account's policies as if ListPolicies had answered: the cache is seeded and never stale, so nothing is fetched
 * (a fetch would have no credentials and fail).
 */
function withPolicies(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(policyPageQueries.pages('All').queryKey, { pages: [{ policies: POLICIES }], pageParams: [undefined] });
  const admin = POLICIES[0]!;
  client.setQueryData(policyDocumentQueries.defaultVersion(admin.arn).queryKey, {
    arn: admin.arn,
    versionId: 'v1',
    json: '{\n    "Version": "2012-10-17",\n    "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }]\n}',
  });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

function Step({ initial = {}, errors = {} }: { initial?: Partial<WizardState>; errors?: Record<string, string> }) {
  const [state, setState] = useState<WizardState>(() => ({ ...initialWizardState(), ...initial }));
  return (
    <PermissionsStep
      state={state}
      update={(change) => setState((current) => withTrustedEntity(current, change))}
      errors={errors}
      onInlineFindings={() => undefined}
      acknowledged={false}
      onAcknowledge={() => undefined}
    />
  );
}

const table = () => page.getByRole('table', { name: 'Permissions policies' });
const heading = () => page.getByRole('heading', { name: /^Permissions policies/ });
const textFilter = () => page.getByRole('searchbox', { name: 'Filter Permissions policies' });

describe('PermissionsStep', () => {
  it('lists the attachable managed policies, ten to a page, with the selection counter', async () => {
    await render(withPolicies(<Step />));
    await expect.element(heading()).toHaveTextContent(`(0/${ATTACHABLE})`);
    await expect.element(table().getByText('AdministratorAccess', { exact: true })).toBeVisible();
    await expect.element(table().getByText('AWSSupportServiceRolePolicy')).not.toBeInTheDocument();
    // Header row plus ten policies.
    await expect.poll(() => table().getByRole('row').all()).toHaveLength(11);
  });

  it('filters by text and by type', async () => {
    await render(withPolicies(<Step />));
    await textFilter().fill('s3 read');
    await expect.element(table().getByText('AmazonS3ReadOnlyAccess')).toBeVisible();
    await expect.poll(() => table().getByRole('row').all()).toHaveLength(2);

    await page.getByRole('button', { name: 'Clear filter' }).click();
    await expect.poll(() => table().getByRole('row').all()).toHaveLength(11);
    await page.getByRole('button', { name: /Filter Permissions policies by type/ }).click();
    await page.getByRole('option', { name: 'AWS managed - job function' }).click();
    await expect.element(table().getByText('ViewOnlyAccess')).toBeVisible();
    await expect.poll(() => table().getByRole('row').all()).toHaveLength(2);
  });

  it('selects policies, and keeps a selection that the filter hides', async () => {
    await render(withPolicies(<Step />));
    await page.getByRole('checkbox', { name: 'AmazonSSMManagedInstanceCore' }).click();
    await expect.element(heading()).toHaveTextContent(`(1/${ATTACHABLE})`);

    await textFilter().fill('administrator');
    await page.getByRole('checkbox', { name: 'AdministratorAccess' }).click();
    await expect.element(heading()).toHaveTextContent(`(2/${ATTACHABLE})`);

    await textFilter().fill('');
    await expect.element(page.getByRole('checkbox', { name: 'AmazonSSMManagedInstanceCore' })).toBeChecked();
    await expect.element(page.getByRole('checkbox', { name: 'AdministratorAccess' })).toBeChecked();
  });

  it("disables the other rows at IAM's quota of ten managed policies per role", async () => {
    const ten = POLICIES.filter((entry) => entry.name.startsWith('team-policy-'));
    await render(withPolicies(<Step initial={{ policies: selected(ten) }} />));
    await expect.element(page.getByText('10 of 10 policies selected')).toBeVisible();
    await expect.element(page.getByRole('checkbox', { name: 'AdministratorAccess' })).toBeDisabled();
    await textFilter().fill('team-policy-1');
    await expect.element(page.getByRole('checkbox', { name: 'team-policy-10' })).toBeEnabled();

    await page.getByRole('checkbox', { name: 'team-policy-10' }).click();
    await textFilter().fill('');
    await expect.element(page.getByRole('checkbox', { name: 'AdministratorAccess' })).toBeEnabled();
  });

  it("shows a policy's JSON in its row on demand", async () => {
    await render(withPolicies(<Step />));
    await page.getByRole('button', { name: 'Show the JSON of AdministratorAccess' }).click();
    await expect.element(page.getByLabelText('Policy document of AdministratorAccess, version v1')).toHaveTextContent('"Action": "*"');
    await page.getByRole('button', { name: 'Hide the JSON of AdministratorAccess' }).click();
    await expect.element(page.getByLabelText('Policy document of AdministratorAccess, version v1')).not.toBeInTheDocument();
  });

  it("shows the wizard's error about the policies", async () => {
    await render(withPolicies(<Step errors={{ policies: 'Choose at most 10 managed policies.' }} />));
    await expect.element(page.getByRole('alert').filter({ hasText: 'Choose at most 10 managed policies.' })).toBeVisible();
  });
});
