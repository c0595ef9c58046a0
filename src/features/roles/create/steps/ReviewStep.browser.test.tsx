import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { FORM_MODE } from '../../../../components/FormFields.tsx';
import { buildCreatePlan } from '../model/create-plan.ts';
import { initialWizardValues, roleDraftOf, trustPolicyJson, type RoleDetailsValues, type WizardValues } from '../wizard-state.ts';
import { ReviewStep } from './ReviewStep.tsx';

const ACCOUNT = '123456789012';
const queryClient = new QueryClient();

const INITIAL = initialWizardValues();
const CHOICES: WizardValues = {
  ...INITIAL,
  permissions: {
    ...INITIAL.permissions,
    policies: [{ arn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore', name: 'AmazonSSMManagedInstanceCore', path: '/' }],
    useBoundary: true,
    boundary: { arn: `arn:aws:iam::${ACCOUNT}:policy/team-boundary`, name: 'team-boundary', path: '/' },
  },
  tags: {
    tags: [
      { key: 'team', value: 'payments' },
      { key: 'env', value: '' },
    ],
  },
  details: { ...INITIAL.details, roleName: 'web-app' },
};

/**
 * The last step as the wizard renders it: the earlier steps' values, this step's own form (name and description,
 * FORM_MODE), and the trust policy and plan derived from all of them as the form changes.
 */
function Step({ readOnly = false, onEdit = () => undefined }: { readOnly?: boolean; onEdit?: (stepIndex: number) => void }) {
  const { control } = useForm<RoleDetailsValues>({ ...FORM_MODE, defaultValues: CHOICES.details });
  const details = useWatch({ control }) as RoleDetailsValues;
  const values: WizardValues = { ...CHOICES, details };
  // The "What can this role do?" panel reads managed policies through TanStack Query (only when a test runs).
  return (
    <QueryClientProvider client={queryClient}>
      <ReviewStep
        values={values}
        control={control}
        trustPolicyJson={trustPolicyJson(values.trust, ACCOUNT)}
        plan={buildCreatePlan(roleDraftOf(values, ACCOUNT))}
        existingRoleNames={[]}
        checkingAvailability={false}
        onEdit={onEdit}
        readOnly={readOnly}
      />
    </QueryClientProvider>
  );
}

const policySummary = () => page.getByRole('table', { name: 'Permissions policy summary' });
const tags = () => page.getByRole('table', { name: 'Tags' });

describe('ReviewStep', () => {
  it("shows every choice of the earlier steps: name, description, trust policy, policies and tags", async () => {
    await render(<Step />);
    await expect.element(page.getByRole('textbox', { name: 'Role name' })).toHaveValue('web-app');
    await expect.element(page.getByRole('textbox', { name: 'Description' })).toHaveValue(CHOICES.details.description);
    await expect.element(page.getByLabelText('Trust policy')).toHaveTextContent('"ec2.amazonaws.com"');

    await expect.element(policySummary().getByRole('row').filter({ hasText: 'AmazonSSMManagedInstanceCore' })).toHaveTextContent(/AWS managed\s*Permissions policy/);
    await expect.element(policySummary().getByRole('row').filter({ hasText: 'team-boundary' })).toHaveTextContent(/Customer managed\s*Permissions boundary/);

    await expect.element(tags().getByRole('row').filter({ hasText: 'team' })).toHaveTextContent(/team\s*payments/);
    // An empty value shows as a dash.
    await expect.element(tags().getByRole('row').filter({ hasText: 'env' })).toHaveTextContent(/env\s*-/);
  });

  it('gives the AWS CLI commands of the same plan, and follows the name as it is typed', async () => {
    await render(<Step />);
    await page.getByRole('button', { name: /^CLI equivalent/ }).click();
    const commands = page.getByLabelText('CLI commands');
    await expect.element(commands).toHaveTextContent('aws iam create-role --role-name web-app');
    await expect.element(commands).toHaveTextContent('--permissions-boundary arn:aws:iam::123456789012:policy/team-boundary');
    await expect.element(commands).toHaveTextContent('aws iam create-instance-profile --instance-profile-name web-app');

    await page.getByRole('textbox', { name: 'Role name' }).fill('api-server');
    await expect.element(commands).toHaveTextContent('aws iam create-role --role-name api-server');
  });

  it('sends the user back to the step they want to edit', async () => {
    const edited: number[] = [];
    await render(<Step onEdit={(stepIndex) => edited.push(stepIndex)} />);
    await page.getByRole('button', { name: 'Edit Step 3: Add tags' }).click();
    await page.getByRole('button', { name: 'Edit Step 1: Select trusted entities' }).click();
    expect(edited).toEqual([2, 0]);
  });

  it('locks the name, the description and the edit buttons while the role is being created', async () => {
    await render(<Step readOnly />);
    await expect.element(page.getByRole('textbox', { name: 'Role name' })).toBeDisabled();
    await expect.element(page.getByRole('textbox', { name: 'Description' })).toBeDisabled();
    await expect.element(page.getByRole('button', { name: 'Edit Step 2: Add permissions' })).toBeDisabled();
  });
});
