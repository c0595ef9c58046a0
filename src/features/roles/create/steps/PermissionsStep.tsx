import { useState } from 'react';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { Finding } from '../../../../iam-policies/checks/findings.ts';
import { CreatePolicyModal } from '../components/CreatePolicyModal.tsx';
import { LazyPolicyEditor } from '../../../../iam-policies/components/LazyPolicyEditor.tsx';
import { LIMITS } from '../../../../validation/iam.ts';
import { PolicyPicker } from '../components/PolicyPicker.tsx';
import { SecurityWarningsAcknowledgement } from '../components/SecurityWarningsAcknowledgement.tsx';
import type { WizardState } from '../wizard-state.ts';

export interface PermissionsStepProps {
  state: WizardState;
  update: (change: Partial<WizardState>) => void;
  errors: Record<string, string>;
  onInlineFindings: (findings: Finding[]) => void;
  inlineFindings?: Finding[];
  acknowledged: boolean;
  onAcknowledge: (value: boolean) => void;
}

export function PermissionsStep({ state, update, errors, onInlineFindings, inlineFindings, acknowledged, onAcknowledge }: PermissionsStepProps) {
  const [creatingPolicy, setCreatingPolicy] = useState(false);
  return (
    <SpaceBetween size="l">
      <PolicyPicker
        title="Permissions policies"
        description={`Choose up to ${LIMITS.managedPoliciesPerRole} managed policies to attach to the new role. Expand a row to see its JSON.`}
        selectionType="multi"
        maxSelected={LIMITS.managedPoliciesPerRole}
        selected={state.policies}
        onChange={(policies) => update({ policies })}
        {...(errors.policies ? { errorText: errors.policies } : {})}
        actions={<Button iconName="add-plus" onClick={() => setCreatingPolicy(true)}>Create policy</Button>}
      />
      <CreatePolicyModal
        visible={creatingPolicy}
        onDismiss={() => setCreatingPolicy(false)}
        onCreated={(policy) => {
          setCreatingPolicy(false);
          if (state.policies.length < LIMITS.managedPoliciesPerRole) {
            update({ policies: [...state.policies, { arn: policy.arn, name: policy.name, path: policy.path }] });
          }
        }}
      />

      <Container>
        <ExpandableSection
          headerText="Set permissions boundary - optional"
          headerDescription="A permissions boundary sets the most permissions the role can ever have."
          defaultExpanded={state.useBoundary}
        >
          <SpaceBetween size="m">
            <RadioGroup
              ariaLabel="Permissions boundary"
              value={state.useBoundary ? 'use' : 'none'}
              onChange={({ detail }) => update({ useBoundary: detail.value === 'use' })}
              items={[
                { value: 'none', label: 'Create role without a permissions boundary' },
                { value: 'use', label: 'Use a permissions boundary to control the maximum role permissions' },
              ]}
            />
            {state.useBoundary ? (
              <PolicyPicker
                title="Permissions boundary policy"
                description="Choose one managed policy as the boundary."
                selectionType="single"
                selected={state.boundary ? [state.boundary] : []}
                onChange={(selected) => update(selected[0] ? { boundary: selected[0] } : {})}
                {...(errors.boundary ? { errorText: errors.boundary } : {})}
              />
            ) : null}
          </SpaceBetween>
        </ExpandableSection>
      </Container>

      <Container>
        <ExpandableSection
          headerText="Add an inline policy - optional"
          headerDescription="A policy written here belongs to this role only. Inline policies of a role share 10,240 characters, not counting whitespace."
          defaultExpanded={state.addInlinePolicy}
        >
          <SpaceBetween size="m">
            <Checkbox checked={state.addInlinePolicy} onChange={({ detail }) => update({ addInlinePolicy: detail.checked })}>
              Add an inline policy to the role
            </Checkbox>
            {state.addInlinePolicy ? (
              <>
                <FormField
                  label="Inline policy name"
                  constraintText="Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters."
                  errorText={errors.inlinePolicyName}
                >
                  <Input value={state.inlinePolicyName} onChange={({ detail }) => update({ inlinePolicyName: detail.value })} />
                </FormField>
                <LazyPolicyEditor
                  label="Inline policy document"
                  value={state.inlinePolicyDocument}
                  onChange={(inlinePolicyDocument) => update({ inlinePolicyDocument })}
                  kind="identity"
                  checkOptions={{ storage: 'inline' }}
                  onFindings={onInlineFindings}
                  {...(errors.inlinePolicyDocument ? { errorText: errors.inlinePolicyDocument } : {})}
                  rows={12}
                />
                <SecurityWarningsAcknowledgement findings={inlineFindings} acknowledged={acknowledged} onChange={onAcknowledge} />
              </>
            ) : null}
          </SpaceBetween>
        </ExpandableSection>
      </Container>
    </SpaceBetween>
  );
}
