import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { policyDocumentQueries } from '../../../../aws/get-policy-document.ts';
import { policyPageQueries, type ManagedPolicy } from '../../../../aws/list-policy-pages.ts';
import { FORM_MODE, resolverOf } from '../../../../components/FormFields.tsx';
import type { Finding } from '../../../../iam-policies/checks/findings.ts';
import { initialWizardValues, permissionsErrors, type PermissionsValues, type SelectedPolicy } from '../wizard-state.ts';
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
  const adminDocument = '{\n    "Version": "2012-10-17",\n    "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }]\n}';
  client.setQueryData(policyDocumentQueries.defaultVersion(admin.arn).queryKey, { arn: admin.arn, versionId: 'v1', json: adminDocument, text: adminDocument });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/**
 * Step 2 as the wizard renders it: its own form (FORM_MODE, the step's errors as its resolver, the inline policy's
 * findings kept beside it), and a Next button that submits the form as the wizard does before going on.
 */
function Step({ initial = {} }: { initial?: Partial<PermissionsValues> }) {
  const [findings, setFindings] = useState<Finding[] | undefined>();
  const form = useForm<PermissionsValues>({
    ...FORM_MODE,
    defaultValues: { ...initialWizardValues().permissions, ...initial },
    resolver: resolverOf((values) => permissionsErrors(values, findings)),
  });
  return (
    <>
      <PermissionsStep form={form} onInlineFindings={setFindings} {...(findings ? { inlineFindings: findings } : {})} />
      <button type="button" onClick={() => void form.handleSubmit(() => undefined)()}>
        Next
      </button>
    </>
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

  it('shows the error about the policies once the user tried to go on, and clears it when the selection fits', async () => {
    // More than the quota can only come from outside the table (e.g. a kept draft); the step's check refuses it.
    const eleven = POLICIES.filter((entry) => entry.name.startsWith('team-policy-') || entry.name === 'AdministratorAccess');
    await render(withPolicies(<Step initial={{ policies: selected(eleven) }} />));
    const error = () => page.getByRole('alert').filter({ hasText: 'A role can have at most 10 managed policies attached; you selected 11.' });
    await expect.element(heading()).toHaveTextContent(`(11/${ATTACHABLE})`);
    await expect.element(error()).not.toBeInTheDocument();

    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect.element(error()).toBeVisible();

    await page.getByRole('checkbox', { name: 'AdministratorAccess' }).click();
    await expect.element(heading()).toHaveTextContent(`(10/${ATTACHABLE})`);
    await expect.element(page.getByText(/at most 10 managed policies attached; you selected/)).not.toBeInTheDocument();
  });
});
