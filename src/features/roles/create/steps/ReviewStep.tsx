import { lazy, Suspense } from 'react';
import { useFormState, useWatch, type Control } from 'react-hook-form';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { asRule, TextField } from '../../../../components/FormFields.tsx';
import { PolicyJsonViewer } from '../../../../iam-policies/components/PolicyJsonViewer.tsx';
import { policyTypeOf, POLICY_TYPE_LABELS } from '../../../../iam-policies/filter-policies.ts';
import { ROLE_NAME_HINT, validateDescription, validateRoleName, validateRoleNameAvailable } from '../../../../validation/iam.ts';
import type { Step } from '../model/create-plan.ts';
import { cliScript } from '../cli-script.ts';
import { roleExportOfPlan } from '../model/plan-export.ts';
import type { RoleDetailsValues, SelectedPolicy, WizardValues } from '../wizard-state.ts';

// Fetched when the review step first shows them: the simulator's action catalogue and the export writers are not
// part of what the wizard loads to start.
const DraftPermissionsTester = lazy(() =>
  import('../components/DraftPermissionsTester.tsx').then((module) => ({ default: module.DraftPermissionsTester })),
);
const ExportAsCodeSection = lazy(() =>
  import('../../../../components/ExportAsCode.tsx').then((module) => ({ default: module.ExportAsCodeSection })),
);
const loading = <StatusIndicator type="loading">Loading</StatusIndicator>;

export interface ReviewStepProps {
  /** What the other steps hold, shown for review. */
  values: Omit<WizardValues, 'details'>;
  /** The role's name and description: this step's own form. */
  control: Control<RoleDetailsValues>;
  trustPolicyJson: string;
  plan: Step[];
  /** Names already taken in the account (undefined while the role list loads). */
  existingRoleNames: readonly string[] | undefined;
  /** Shown while the role list used for the availability check loads. */
  checkingAvailability: boolean;
  onEdit: (stepIndex: number) => void;
  readOnly: boolean;
}

function EditHeader({ title, stepIndex, onEdit, readOnly }: { title: string; stepIndex: number; onEdit: (index: number) => void; readOnly: boolean }) {
  return (
    <Header variant="h2" actions={<Button onClick={() => onEdit(stepIndex)} disabled={readOnly} ariaLabel={`Edit ${title}`}>Edit</Button>}>
      {title}
    </Header>
  );
}

export function ReviewStep({ values, control, trustPolicyJson, plan, existingRoleNames, checkingAvailability, onEdit, readOnly }: ReviewStepProps) {
  const { permissions, tags } = values;
  const roleName = useWatch({ control, name: 'roleName' });
  const { errors } = useFormState({ control, name: 'roleName' });
  const script = cliScript(plan);
  const exported = roleExportOfPlan(plan);
  const attached: (SelectedPolicy & { attachedAs: string })[] = [
    ...permissions.policies.map((policy) => ({ ...policy, attachedAs: 'Permissions policy' })),
    ...(permissions.useBoundary && permissions.boundary ? [{ ...permissions.boundary, attachedAs: 'Permissions boundary' }] : []),
  ];
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">Role details</Header>}>
        <SpaceBetween size="m">
          <TextField
            control={control}
            name="roleName"
            label="Role name"
            description="Enter a meaningful name to identify this role."
            constraintText={ROLE_NAME_HINT}
            placeholder="Enter role name"
            disabled={readOnly}
            rules={{ validate: asRule((name: string) => validateRoleName(name) ?? validateRoleNameAvailable(name, existingRoleNames ?? [])) }}
          />
          {checkingAvailability && roleName !== '' && !errors.roleName ? <StatusIndicator type="loading">Checking whether the name is free</StatusIndicator> : null}
          <TextField
            control={control}
            name="description"
            label="Description"
            description="Add a short explanation for this role."
            constraintText="Maximum 1,000 characters."
            rows={2}
            disabled={readOnly}
            rules={{ validate: asRule(validateDescription) }}
          />
        </SpaceBetween>
      </Container>

      <Container header={<EditHeader title="Step 1: Select trusted entities" stepIndex={0} onEdit={onEdit} readOnly={readOnly} />}>
        <PolicyJsonViewer json={trustPolicyJson} label="Trust policy" />
      </Container>

      <Table
        variant="container"
        header={<EditHeader title="Step 2: Add permissions" stepIndex={1} onEdit={onEdit} readOnly={readOnly} />}
        ariaLabels={{ tableLabel: 'Permissions policy summary' }}
        items={attached}
        trackBy={(item) => `${item.attachedAs}:${item.arn}`}
        empty={<Box color="inherit">No managed policies: the role will have no permissions from managed policies.</Box>}
        columnDefinitions={[
          { id: 'name', header: 'Policy name', cell: (item) => item.name, isRowHeader: true },
          { id: 'type', header: 'Type', cell: (item) => POLICY_TYPE_LABELS[policyTypeOf(item)] },
          { id: 'attachedAs', header: 'Attached as', cell: (item) => item.attachedAs },
        ]}
        footer={
          permissions.addInlinePolicy ? (
            <ExpandableSection headerText={`Inline policy ${permissions.inlinePolicyName}`} variant="footer">
              <PolicyJsonViewer json={permissions.inlinePolicyDocument} label={`Inline policy ${permissions.inlinePolicyName}`} />
            </ExpandableSection>
          ) : undefined
        }
      />

      <Suspense fallback={loading}>
        <DraftPermissionsTester permissions={permissions} />
      </Suspense>

      <Table
        variant="container"
        header={<EditHeader title="Step 3: Add tags" stepIndex={2} onEdit={onEdit} readOnly={readOnly} />}
        ariaLabels={{ tableLabel: 'Tags' }}
        items={tags.tags}
        empty={<Box color="inherit">No tags associated with the resource.</Box>}
        columnDefinitions={[
          { id: 'key', header: 'Key', cell: (tag) => tag.key, isRowHeader: true },
          { id: 'value', header: 'Value', cell: (tag) => (tag.value === '' ? '-' : tag.value) },
        ]}
      />

      <Container>
        <ExpandableSection
          headerText="CLI equivalent"
          headerDescription="The AWS CLI commands that do the same as Create role, in the same order."
          headerActions={<CopyToClipboard variant="button" textToCopy={script} copyButtonText="Copy commands" copySuccessText="Commands copied" copyErrorText="Could not copy" />}
        >
          <ColumnLayout columns={1}>
            <pre className="cli-commands" aria-label="CLI commands" tabIndex={0}>
              {script}
            </pre>
          </ColumnLayout>
        </ExpandableSection>
        {exported ? (
          <Suspense fallback={loading}>
            <ExportAsCodeSection input={exported} />
          </Suspense>
        ) : null}
      </Container>
    </SpaceBetween>
  );
}
