import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { initialWizardState, withTrustedEntity, type WizardState } from '../wizard-state.ts';
import { TrustedEntityStep } from './TrustedEntityStep.tsx';

const ACCOUNT = '123456789012';

/** Step 1 as the wizard renders it: its state kept above it, changes applied the way the wizard applies them. */
function Step({ errors = {} }: { errors?: Record<string, string> }) {
  const [state, setState] = useState<WizardState>(initialWizardState);
  return (
    <TrustedEntityStep
      state={state}
      update={(change) => setState((current) => withTrustedEntity(current, change))}
      accountId={ACCOUNT}
      errors={errors}
      onCustomFindings={() => undefined}
      acknowledged={false}
      onAcknowledge={() => undefined}
    />
  );
}

const trustPolicy = () => page.getByLabelText('Generated trust policy');

describe('TrustedEntityStep', () => {
  it('starts on AWS service › EC2 and shows the trust policy that lets EC2 assume the role', async () => {
    await render(<Step />);
    await expect.element(page.getByRole('radio', { name: /^AWS service/ })).toBeChecked();
    await expect.element(page.getByRole('radio', { name: 'EC2', exact: true })).toBeChecked();
    await expect.element(trustPolicy()).toHaveTextContent(/"Action": \[\s*"sts:AssumeRole"\s*\]/);
    await expect.element(trustPolicy()).toHaveTextContent(/"Service": \[\s*"ec2\.amazonaws\.com"\s*\]/);
  });

  it('regenerates the trust policy for another use case or service', async () => {
    await render(<Step />);
    await page.getByRole('radio', { name: /^EC2 Spot Fleet Role/ }).click();
    await expect.element(trustPolicy()).toHaveTextContent('"spotfleet.amazonaws.com"');
    await expect.element(trustPolicy()).not.toHaveTextContent('"ec2.amazonaws.com"');

    await page.getByRole('button', { name: /Service or use case/ }).click();
    await page.getByRole('option', { name: 'Lambda' }).click();
    await expect.element(trustPolicy()).toHaveTextContent('"lambda.amazonaws.com"');
    await expect.element(page.getByRole('radiogroup', { name: 'Use cases for Lambda' })).toBeVisible();
  });

  it('trusts this account by default once AWS account is chosen, and adds the MFA condition when asked', async () => {
    await render(<Step />);
    await page.getByRole('radio', { name: /^AWS account/ }).click();
    await expect.element(page.getByRole('radio', { name: `This account (${ACCOUNT})` })).toBeChecked();
    await expect.element(trustPolicy()).toHaveTextContent(`"arn:aws:iam::${ACCOUNT}:root"`);
    await expect.element(trustPolicy()).not.toHaveTextContent('aws:MultiFactorAuthPresent');

    await page.getByRole('checkbox', { name: /^Require MFA/ }).click();
    await expect.element(trustPolicy()).toHaveTextContent(/"aws:MultiFactorAuthPresent": "true"/);
  });

  it("shows another account's ID field with the wizard's error once the user tried to go on", async () => {
    await render(<Step errors={{ otherAccountId: 'Enter the 12-digit ID of the other account.' }} />);
    await page.getByRole('radio', { name: /^AWS account/ }).click();
    await page.getByRole('radio', { name: 'Another AWS account' }).click();
    await page.getByRole('textbox', { name: 'Account ID' }).fill('210987654321');
    await expect.element(trustPolicy()).toHaveTextContent('"arn:aws:iam::210987654321:root"');
    await expect.element(page.getByText('Enter the 12-digit ID of the other account.')).toBeVisible();
  });
});
