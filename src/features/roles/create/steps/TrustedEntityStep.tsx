import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tiles from '@cloudscape-design/components/tiles';
import type { Finding } from '../../../../iam-policies/checks/findings.ts';
import { LazyPolicyEditor } from '../../../../iam-policies/components/LazyPolicyEditor.tsx';
import { PolicyJsonViewer } from '../../../../iam-policies/components/PolicyJsonViewer.tsx';
import { findService, TRUSTED_ENTITY_TYPES, TRUSTED_SERVICES, WEB_IDENTITY_PROVIDERS, type TrustedEntityType } from '../model/trust-policy.ts';
import { trustPolicyJson, type WizardState } from '../wizard-state.ts';
import { SecurityWarningsAcknowledgement } from '../components/SecurityWarningsAcknowledgement.tsx';

export interface TrustedEntityStepProps {
  state: WizardState;
  update: (change: Partial<WizardState>) => void;
  accountId: string;
  /** Field errors, shown once the user tried to go on. */
  errors: Record<string, string>;
  onCustomFindings: (findings: Finding[]) => void;
  customFindings?: Finding[];
  acknowledged: boolean;
  onAcknowledge: (value: boolean) => void;
}

const SERVICE_OPTIONS = TRUSTED_SERVICES.map((service) => ({ value: service.id, label: service.name }));

export function TrustedEntityStep({ state, update, accountId, errors, onCustomFindings, customFindings, acknowledged, onAcknowledge }: TrustedEntityStepProps) {
  const service = findService(state.serviceId);
  return (
    <div className="trust-step-layout">
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Trusted entity type</Header>}>
          <Tiles
            ariaLabel="Trusted entity type"
            value={state.entityType}
            columns={3}
            onChange={({ detail }) => update({ entityType: detail.value as TrustedEntityType })}
            items={TRUSTED_ENTITY_TYPES.map((option) => ({ value: option.type, label: option.label, description: option.description }))}
          />
        </Container>

        {state.entityType === 'aws-service' ? (
          <Container header={<Header variant="h2" description="Allow an AWS service like EC2 or Lambda to perform actions in this account.">Use case</Header>}>
            <SpaceBetween size="m">
              <FormField label="Service or use case">
                <Select
                  selectedOption={SERVICE_OPTIONS.find((option) => option.value === state.serviceId) ?? null}
                  options={SERVICE_OPTIONS}
                  placeholder="Choose a service or use case"
                  onChange={({ detail }) => update({ serviceId: detail.selectedOption.value ?? 'ec2' })}
                />
              </FormField>
              {service ? (
                <FormField label={`Use cases for ${service.name}`}>
                  <RadioGroup
                    ariaLabel={`Use cases for ${service.name}`}
                    value={state.useCaseId}
                    onChange={({ detail }) => update({ useCaseId: detail.value })}
                    items={service.useCases.map((useCase) => ({ value: useCase.id, label: useCase.title, description: useCase.description }))}
                  />
                </FormField>
              ) : null}
            </SpaceBetween>
          </Container>
        ) : null}

        {state.entityType === 'aws-account' ? (
          <Container header={<Header variant="h2">An AWS account</Header>}>
            <SpaceBetween size="m">
              <RadioGroup
                ariaLabel="Which AWS account"
                value={state.account}
                onChange={({ detail }) => update({ account: detail.value === 'another' ? 'another' : 'this' })}
                items={[
                  { value: 'this', label: `This account (${accountId})` },
                  { value: 'another', label: 'Another AWS account' },
                ]}
              />
              {state.account === 'another' ? (
                <FormField label="Account ID" constraintText="12 digits." errorText={errors.otherAccountId}>
                  <Input value={state.otherAccountId} inputMode="numeric" onChange={({ detail }) => update({ otherAccountId: detail.value })} />
                </FormField>
              ) : null}
              <Checkbox
                checked={state.requireExternalId}
                onChange={({ detail }) => update({ requireExternalId: detail.checked })}
                description="Best practice when a third party will assume this role."
              >
                Require external ID
              </Checkbox>
              {state.requireExternalId ? (
                <FormField label="External ID" constraintText="2 to 1,224 characters: letters, digits and + = , . @ : / - _" errorText={errors.externalId}>
                  <Input value={state.externalId} onChange={({ detail }) => update({ externalId: detail.value })} />
                </FormField>
              ) : null}
              <Checkbox
                checked={state.requireMfa}
                onChange={({ detail }) => update({ requireMfa: detail.checked })}
                description="Only sessions authenticated with multi-factor authentication may assume this role."
              >
                Require MFA
              </Checkbox>
            </SpaceBetween>
          </Container>
        ) : null}

        {state.entityType === 'web-identity' ? (
          <Container header={<Header variant="h2">Web identity</Header>}>
            <SpaceBetween size="m">
              <FormField label="Identity provider">
                <Select
                  selectedOption={
                    state.webProvider === 'oidc'
                      ? { value: 'oidc', label: 'IAM OIDC identity provider' }
                      : { value: state.webProvider, label: WEB_IDENTITY_PROVIDERS.find((provider) => provider.id === state.webProvider)?.label ?? '' }
                  }
                  options={[
                    ...WEB_IDENTITY_PROVIDERS.map((provider) => ({ value: provider.id, label: provider.label })),
                    { value: 'oidc', label: 'IAM OIDC identity provider' },
                  ]}
                  onChange={({ detail }) => update({ webProvider: (detail.selectedOption.value ?? 'cognito') as WizardState['webProvider'] })}
                />
              </FormField>
              {state.webProvider === 'oidc' ? (
                <FormField label="OIDC provider ARN" errorText={errors.providerArn}>
                  <Input
                    value={state.oidcProviderArn}
                    placeholder={`arn:aws:iam::${accountId}:oidc-provider/example.com`}
                    onChange={({ detail }) => update({ oidcProviderArn: detail.value })}
                  />
                </FormField>
              ) : null}
              <FormField
                label={state.webProvider === 'oidc' ? 'Audience' : (WEB_IDENTITY_PROVIDERS.find((provider) => provider.id === state.webProvider)?.audienceLabel ?? 'Audience')}
                errorText={errors.audience}
              >
                <Input value={state.audience} onChange={({ detail }) => update({ audience: detail.value })} />
              </FormField>
            </SpaceBetween>
          </Container>
        ) : null}

        {state.entityType === 'saml' ? (
          <Container header={<Header variant="h2">SAML 2.0 federation</Header>}>
            <SpaceBetween size="m">
              <FormField label="SAML provider ARN" errorText={errors.providerArn}>
                <Input
                  value={state.samlProviderArn}
                  placeholder={`arn:aws:iam::${accountId}:saml-provider/Example`}
                  onChange={({ detail }) => update({ samlProviderArn: detail.value })}
                />
              </FormField>
              <RadioGroup
                ariaLabel="Access to be allowed"
                value={state.samlAccess}
                onChange={({ detail }) => update({ samlAccess: detail.value === 'programmatic' ? 'programmatic' : 'programmatic-and-console' })}
                items={[
                  { value: 'programmatic', label: 'Allow programmatic access only' },
                  { value: 'programmatic-and-console', label: 'Allow programmatic and AWS Management Console access' },
                ]}
              />
            </SpaceBetween>
          </Container>
        ) : null}

        {state.entityType === 'custom' ? (
          <Container header={<Header variant="h2" description="Errors must be fixed before you continue; security warnings need your acknowledgement.">Custom trust policy</Header>}>
            <SpaceBetween size="m">
              <LazyPolicyEditor
                label="Trust policy"
                value={state.customTrustJson}
                onChange={(json) => update({ customTrustJson: json })}
                kind="trust"
                onFindings={onCustomFindings}
                {...(errors.customTrust ? { errorText: errors.customTrust } : {})}
              />
              <SecurityWarningsAcknowledgement findings={customFindings} acknowledged={acknowledged} onChange={onAcknowledge} />
            </SpaceBetween>
          </Container>
        ) : null}
      </SpaceBetween>

      {state.entityType !== 'custom' ? (
        <Container header={<Header variant="h2" description="Generated from your choices; updated as you change them.">Trust policy</Header>}>
          <PolicyJsonViewer json={trustPolicyJson(state, accountId)} label="Generated trust policy" maxHeight={520} />
        </Container>
      ) : null}
    </div>
  );
}
