import { useState } from 'react';
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { TextField } from '../../../../components/FormFields.tsx';
import { securityWarningsKey, type Finding } from '../../../../iam-policies/checks/findings.ts';
import { CreatePolicyModal } from '../components/CreatePolicyModal.tsx';
import { LazyPolicyEditor } from '../../../../iam-policies/components/LazyPolicyEditor.tsx';
import { LIMITS } from '../../../../validation/iam.ts';
import { PolicyPicker } from '../components/PolicyPicker.tsx';
import { SecurityWarningsAcknowledgement } from '../components/SecurityWarningsAcknowledgement.tsx';
import type { PermissionsValues } from '../wizard-state.ts';

export interface PermissionsStepProps {
  form: UseFormReturn<PermissionsValues>;
  onInlineFindings: (findings: Finding[]) => void;
  inlineFindings?: Finding[];
}

export function PermissionsStep({ form, onInlineFindings, inlineFindings }: PermissionsStepProps) {
  const { control, getValues, setValue, formState, trigger } = form;
  const [useBoundary, addInlinePolicy, acknowledgedWarnings] = useWatch({ control, name: ['useBoundary', 'addInlinePolicy', 'acknowledgedWarnings'] });
  const [creatingPolicy, setCreatingPolicy] = useState(false);
  return (
    <SpaceBetween size="l">
      <Controller
        control={control}
        name="policies"
        render={({ field, fieldState }) => (
          <PolicyPicker
            title="Permissions policies"
            description={`Choose up to ${LIMITS.managedPoliciesPerRole} managed policies to attach to the new role. Expand a row to see its JSON.`}
            selectionType="multi"
            maxSelected={LIMITS.managedPoliciesPerRole}
            selected={field.value}
            onChange={field.onChange}
            {...(fieldState.error?.message ? { errorText: fieldState.error.message } : {})}
            actions={
              <Button iconName="add-plus" onClick={() => setCreatingPolicy(true)}>
                Create policy
              </Button>
            }
          />
        )}
      />
      <CreatePolicyModal
        visible={creatingPolicy}
        onDismiss={() => setCreatingPolicy(false)}
        onCreated={(policy) => {
          setCreatingPolicy(false);
          const policies = getValues('policies');
          if (policies.length < LIMITS.managedPoliciesPerRole) {
            setValue('policies', [...policies, { arn: policy.arn, name: policy.name, path: policy.path }], { shouldDirty: true });
          }
        }}
      />

      <Container>
        <ExpandableSection
          headerText="Set permissions boundary - optional"
          headerDescription="A permissions boundary sets the most permissions the role can ever have."
          defaultExpanded={useBoundary}
        >
          <SpaceBetween size="m">
            <Controller
              control={control}
              name="useBoundary"
              render={({ field }) => (
                <RadioGroup
                  ariaLabel="Permissions boundary"
                  value={field.value ? 'use' : 'none'}
                  onChange={({ detail }) => field.onChange(detail.value === 'use')}
                  items={[
                    { value: 'none', label: 'Create role without a permissions boundary' },
                    { value: 'use', label: 'Use a permissions boundary to control the maximum role permissions' },
                  ]}
                />
              )}
            />
            {useBoundary ? (
              <Controller
                control={control}
                name="boundary"
                render={({ field, fieldState }) => (
                  <PolicyPicker
                    title="Permissions boundary policy"
                    description="Choose one managed policy as the boundary."
                    selectionType="single"
                    selected={field.value ? [field.value] : []}
                    onChange={(selected) => {
                      if (selected[0]) field.onChange(selected[0]);
                    }}
                    {...(fieldState.error?.message ? { errorText: fieldState.error.message } : {})}
                  />
                )}
              />
            ) : null}
          </SpaceBetween>
        </ExpandableSection>
      </Container>

      <Container>
        <ExpandableSection
          headerText="Add an inline policy - optional"
          headerDescription="A policy written here belongs to this role only. Inline policies of a role share 10,240 characters, not counting whitespace."
          defaultExpanded={addInlinePolicy}
        >
          <SpaceBetween size="m">
            <Controller
              control={control}
              name="addInlinePolicy"
              render={({ field }) => (
                <Checkbox checked={field.value} onChange={({ detail }) => field.onChange(detail.checked)}>
                  Add an inline policy to the role
                </Checkbox>
              )}
            />
            {addInlinePolicy ? (
              <>
                <TextField
                  control={control}
                  name="inlinePolicyName"
                  label="Inline policy name"
                  constraintText="Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters."
                />
                <Controller
                  control={control}
                  name="inlinePolicyDocument"
                  render={({ field, fieldState }) => (
                    <LazyPolicyEditor
                      label="Inline policy document"
                      value={field.value}
                      onChange={field.onChange}
                      kind="identity"
                      checkOptions={{ storage: 'inline' }}
                      onFindings={onInlineFindings}
                      {...(formState.isSubmitted && fieldState.error?.message ? { errorText: fieldState.error.message } : {})}
                      rows={12}
                    />
                  )}
                />
                <SecurityWarningsAcknowledgement
                  findings={inlineFindings}
                  acknowledged={inlineFindings !== undefined && acknowledgedWarnings === securityWarningsKey(inlineFindings)}
                  onChange={(value) => {
                    setValue('acknowledgedWarnings', value && inlineFindings ? securityWarningsKey(inlineFindings) : '');
                    if (formState.isSubmitted) void trigger('inlinePolicyDocument');
                  }}
                />
              </>
            ) : null}
          </SpaceBetween>
        </ExpandableSection>
      </Container>
    </SpaceBetween>
  );
}
