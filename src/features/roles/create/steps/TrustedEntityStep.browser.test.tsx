import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { FORM_MODE, resolverOf } from '../../../../components/FormFields.tsx';
import type { Finding } from '../../../../iam-policies/checks/findings.ts';
import { initialWizardValues, trustedEntityErrors, type TrustedEntityValues } from '../wizard-state.ts';
import { TrustedEntityStep } from './TrustedEntityStep.tsx';

const ACCOUNT = '123456789012';

/**
 * Step 1 as the wizard renders it: its own form (FORM_MODE, the step's errors as its resolver, the custom trust
 * policy's findings kept beside it), and a Next button that submits the form as the wizard does before going on.
 */
function Step() {
  const [findings, setFindings] = useState<Finding[] | undefined>();
  const form = useForm<TrustedEntityValues>({
    ...FORM_MODE,
    defaultValues: initialWizardValues().trust,
    resolver: resolverOf((values) => trustedEntityErrors(values, findings)),
  });
  return (
    <>
      <TrustedEntityStep form={form} accountId={ACCOUNT} onCustomFindings={setFindings} {...(findings ? { customFindings: findings } : {})} />
      <button type="button" onClick={() => void form.handleSubmit(() => undefined)()}>
        Next
      </button>
    </>
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

  it("shows another account's ID field, with its error once the user tried to go on", async () => {
    await render(<Step />);
    await page.getByRole('radio', { name: /^AWS account/ }).click();
    await page.getByRole('radio', { name: 'Another AWS account' }).click();
    const accountId = page.getByRole('textbox', { name: 'Account ID' });
    await expect.element(accountId).toBeVisible();
    await expect.element(page.getByText('Enter the 12-digit ID of the AWS account.')).not.toBeInTheDocument();

    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect.element(page.getByText('Enter the 12-digit ID of the AWS account.')).toBeVisible();

    await accountId.fill('2109876543');
    await expect.element(page.getByText('An AWS account ID has exactly 12 digits; you entered 10.')).toBeVisible();
    await accountId.fill('210987654321');
    await expect.element(trustPolicy()).toHaveTextContent('"arn:aws:iam::210987654321:root"');
    await expect.element(page.getByText(/An AWS account ID has exactly 12 digits/)).not.toBeInTheDocument();
  });
});
