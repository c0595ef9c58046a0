import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tiles from '@cloudscape-design/components/tiles';
import { TextField } from '../../../../components/FormFields.tsx';
import { securityWarningsKey, type Finding } from '../../../../iam-policies/checks/findings.ts';
import { LazyPolicyEditor } from '../../../../iam-policies/components/LazyPolicyEditor.tsx';
import { PolicyJsonViewer } from '../../../../iam-policies/components/PolicyJsonViewer.tsx';
import { findService, TRUSTED_ENTITY_TYPES, TRUSTED_SERVICES, WEB_IDENTITY_PROVIDERS, type TrustedEntityType } from '../model/trust-policy.ts';
import { trustPolicyJson, type TrustedEntityValues } from '../wizard-state.ts';
import { SecurityWarningsAcknowledgement } from '../components/SecurityWarningsAcknowledgement.tsx';

export interface TrustedEntityStepProps {
  form: UseFormReturn<TrustedEntityValues>;
  accountId: string;
  onCustomFindings: (findings: Finding[]) => void;
  customFindings?: Finding[];
}

const SERVICE_OPTIONS = TRUSTED_SERVICES.map((service) => ({ value: service.id, label: service.name }));
const OIDC_OPTION = { value: 'oidc', label: 'IAM OIDC identity provider' };
const PROVIDER_OPTIONS = [...WEB_IDENTITY_PROVIDERS.map((provider) => ({ value: provider.id, label: provider.label })), OIDC_OPTION];

export function TrustedEntityStep({ form, accountId, onCustomFindings, customFindings }: TrustedEntityStepProps) {
  const { control, setValue, formState, trigger } = form;
  const trust = useWatch({ control }) as TrustedEntityValues;
  const service = findService(trust.serviceId);
  const webProvider = WEB_IDENTITY_PROVIDERS.find((provider) => provider.id === trust.webProvider);
  return (
    <div className="trust-step-layout">
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Trusted entity type</Header>}>
          <Controller
            control={control}
            name="entityType"
            render={({ field }) => (
              <Tiles
                ariaLabel="Trusted entity type"
                value={field.value}
                columns={3}
                onChange={({ detail }) => field.onChange(detail.value as TrustedEntityType)}
                items={TRUSTED_ENTITY_TYPES.map((option) => ({ value: option.type, label: option.label, description: option.description }))}
              />
            )}
          />
        </Container>

        {trust.entityType === 'aws-service' ? (
          <Container header={<Header variant="h2" description="Allow an AWS service like EC2 or Lambda to perform actions in this account.">Use case</Header>}>
            <SpaceBetween size="m">
              <FormField label="Service or use case">
                <Controller
                  control={control}
                  name="serviceId"
                  render={({ field }) => (
                    <Select
                      selectedOption={SERVICE_OPTIONS.find((option) => option.value === field.value) ?? null}
                      options={SERVICE_OPTIONS}
                      placeholder="Choose a service or use case"
                      onChange={({ detail }) => {
                        const serviceId = detail.selectedOption.value ?? 'ec2';
                        setValue('useCaseId', findService(serviceId)?.useCases[0]?.id ?? '');
                        field.onChange(serviceId);
                      }}
                    />
                  )}
                />
              </FormField>
              {service ? (
                <FormField label={`Use cases for ${service.name}`}>
                  <Controller
                    control={control}
                    name="useCaseId"
                    render={({ field }) => (
                      <RadioGroup
                        ariaLabel={`Use cases for ${service.name}`}
                        value={field.value}
                        onChange={({ detail }) => field.onChange(detail.value)}
                        items={service.useCases.map((useCase) => ({ value: useCase.id, label: useCase.title, description: useCase.description }))}
                      />
                    )}
                  />
                </FormField>
              ) : null}
            </SpaceBetween>
          </Container>
        ) : null}

        {trust.entityType === 'aws-account' ? (
          <Container header={<Header variant="h2">An AWS account</Header>}>
            <SpaceBetween size="m">
              <Controller
                control={control}
                name="account"
                render={({ field }) => (
                  <RadioGroup
                    ariaLabel="Which AWS account"
                    value={field.value}
                    onChange={({ detail }) => field.onChange(detail.value === 'another' ? 'another' : 'this')}
                    items={[
                      { value: 'this', label: `This account (${accountId})` },
                      { value: 'another', label: 'Another AWS account' },
                    ]}
                  />
                )}
              />
              {trust.account === 'another' ? (
                <TextField control={control} name="otherAccountId" label="Account ID" constraintText="12 digits." inputMode="numeric" />
              ) : null}
              <Controller
                control={control}
                name="requireExternalId"
                render={({ field }) => (
                  <Checkbox checked={field.value} onChange={({ detail }) => field.onChange(detail.checked)} description="Best practice when a third party will assume this role.">
                    Require external ID
                  </Checkbox>
                )}
              />
              {trust.requireExternalId ? (
                <TextField control={control} name="externalId" label="External ID" constraintText="2 to 1,224 characters: letters, digits and + = , . @ : / - _" />
              ) : null}
              <Controller
                control={control}
                name="requireMfa"
                render={({ field }) => (
                  <Checkbox
                    checked={field.value}
                    onChange={({ detail }) => field.onChange(detail.checked)}
                    description="Only sessions authenticated with multi-factor authentication may assume this role."
                  >
                    Require MFA
                  </Checkbox>
                )}
              />
            </SpaceBetween>
          </Container>
        ) : null}

        {trust.entityType === 'web-identity' ? (
          <Container header={<Header variant="h2">Web identity</Header>}>
            <SpaceBetween size="m">
              <FormField label="Identity provider">
                <Controller
                  control={control}
                  name="webProvider"
                  render={({ field }) => (
                    <Select
                      selectedOption={PROVIDER_OPTIONS.find((option) => option.value === field.value) ?? null}
                      options={PROVIDER_OPTIONS}
                      onChange={({ detail }) => field.onChange((detail.selectedOption.value ?? 'cognito') as TrustedEntityValues['webProvider'])}
                    />
                  )}
                />
              </FormField>
              {trust.webProvider === 'oidc' ? (
                <TextField control={control} name="oidcProviderArn" label="OIDC provider ARN" placeholder={`arn:aws:iam::${accountId}:oidc-provider/example.com`} />
              ) : null}
              <TextField control={control} name="audience" label={webProvider?.audienceLabel ?? 'Audience'} />
            </SpaceBetween>
          </Container>
        ) : null}

        {trust.entityType === 'saml' ? (
          <Container header={<Header variant="h2">SAML 2.0 federation</Header>}>
            <SpaceBetween size="m">
              <TextField control={control} name="samlProviderArn" label="SAML provider ARN" placeholder={`arn:aws:iam::${accountId}:saml-provider/Example`} />
              <Controller
                control={control}
                name="samlAccess"
                render={({ field }) => (
                  <RadioGroup
                    ariaLabel="Access to be allowed"
                    value={field.value}
                    onChange={({ detail }) => field.onChange(detail.value === 'programmatic' ? 'programmatic' : 'programmatic-and-console')}
                    items={[
                      { value: 'programmatic', label: 'Allow programmatic access only' },
                      { value: 'programmatic-and-console', label: 'Allow programmatic and AWS Management Console access' },
                    ]}
                  />
                )}
              />
            </SpaceBetween>
          </Container>
        ) : null}

        {trust.entityType === 'custom' ? (
          <Container header={<Header variant="h2" description="Errors must be fixed before you continue; security warnings need your acknowledgement.">Custom trust policy</Header>}>
            <SpaceBetween size="m">
              <Controller
                control={control}
                name="customTrustJson"
                render={({ field, fieldState }) => (
                  <LazyPolicyEditor
                    label="Trust policy"
                    value={field.value}
                    onChange={field.onChange}
                    kind="trust"
                    onFindings={onCustomFindings}
                    {...(formState.isSubmitted && fieldState.error?.message ? { errorText: fieldState.error.message } : {})}
                  />
                )}
              />
              <SecurityWarningsAcknowledgement
                findings={customFindings}
                acknowledged={customFindings !== undefined && trust.acknowledgedWarnings === securityWarningsKey(customFindings)}
                onChange={(value) => {
                  setValue('acknowledgedWarnings', value && customFindings ? securityWarningsKey(customFindings) : '');
                  if (formState.isSubmitted) void trigger('customTrustJson');
                }}
              />
            </SpaceBetween>
          </Container>
        ) : null}
      </SpaceBetween>

      {trust.entityType !== 'custom' ? (
        <Container header={<Header variant="h2" description="Generated from your choices; updated as you change them.">Trust policy</Header>}>
          <PolicyJsonViewer json={trustPolicyJson(trust, accountId)} label="Generated trust policy" maxHeight={520} />
        </Container>
      ) : null}
    </div>
  );
}
