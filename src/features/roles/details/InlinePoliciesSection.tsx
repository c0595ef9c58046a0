import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { TableEmptyState } from '../../../components/TableStates.tsx';
import { useNotifications } from '../../../components/notifications/index.ts';
import { useDeleteRolePolicy } from '../api/delete-role-policy.ts';
import { inlinePolicyQueries, type InlinePolicy } from '../api/list-role-policies.ts';
import { usePutRolePolicy } from '../api/put-role-policy.ts';
import { validatePolicyName } from '../../../validation/iam.ts';
import { INLINE_POLICY_TEMPLATE } from '../create/wizard-state.ts';
import { awsCli, compactJson } from '../../../aws/cli.ts';
import { ConfirmModal } from './ConfirmModal.tsx';
import { PolicyDocumentModal } from './PolicyDocumentModal.tsx';

/** IAM counts inline policy sizes without whitespace (10,240 characters for all of a role's inline policies). */
function sizeWithoutWhitespace(text: string): number {
  return text.replace(/\s/g, '').length;
}

type Editing = { mode: 'create' } | { mode: 'edit'; policy: InlinePolicy };

export function InlinePoliciesSection({ roleName }: { roleName: string }) {
  const query = useQuery(inlinePolicyQueries.ofRole(roleName));
  const [selected, setSelected] = useState<InlinePolicy[]>([]);
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  const [removing, setRemoving] = useState<InlinePolicy | undefined>(undefined);
  const put = usePutRolePolicy();
  const remove = useDeleteRolePolicy();
  const { notify } = useNotifications();
  const policies = query.data ?? [];
  const current = selected.filter((policy) => policies.some((item) => item.name === policy.name));
  const existingNames = new Set(policies.map((policy) => policy.name.toLowerCase()));
  const othersSize = (exceptName?: string) =>
    policies.filter((policy) => policy.name !== exceptName).reduce((total, policy) => total + sizeWithoutWhitespace(policy.document), 0);

  const closeEditor = () => {
    put.reset();
    setEditing(undefined);
  };

  return (
    <>
      <Table<InlinePolicy>
        variant="container"
        items={policies}
        trackBy="name"
        loading={query.isPending}
        loadingText="Loading inline policies"
        selectionType="single"
        selectedItems={current}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        ariaLabels={{ tableLabel: 'Inline policies', selectionGroupLabel: 'Inline policy selection', itemSelectionLabel: (_state, policy) => policy.name }}
        header={
          <Header
            counter={query.data ? `(${policies.length})` : undefined}
            description="Policies embedded in this role only. Together they can have up to 10,240 characters, not counting whitespace."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button ariaLabel="Delete inline policy" disabled={current.length === 0} onClick={() => setRemoving(current[0])}>
                  Delete
                </Button>
                <Button ariaLabel="Edit inline policy" disabled={current.length === 0} onClick={() => current[0] && setEditing({ mode: 'edit', policy: current[0] })}>
                  Edit
                </Button>
                <Button variant="primary" onClick={() => setEditing({ mode: 'create' })}>
                  Create inline policy
                </Button>
              </SpaceBetween>
            }
          >
            Inline policies
          </Header>
        }
        empty={
          query.isError ? (
            <Box textAlign="left">
              <AwsErrorAlert error={query.error} context={{ action: 'iam:ListRolePolicies' }} onRetry={() => void query.refetch()} />
            </Box>
          ) : (
            <TableEmptyState title="No inline policies" description="This role has no inline policies." />
          )
        }
        columnDefinitions={[
          { id: 'name', header: 'Policy name', cell: (policy) => policy.name, isRowHeader: true },
          { id: 'size', header: 'Size', cell: (policy) => `${sizeWithoutWhitespace(policy.document).toLocaleString()} characters` },
          {
            id: 'document',
            header: 'Policy document',
            cell: (policy) => (
              <ExpandableSection headerText="JSON" variant="footer" headerAriaLabel={`JSON of ${policy.name}`}>
                <pre className="role-json" aria-label={`Policy document of ${policy.name}`}>
                  {policy.document}
                </pre>
              </ExpandableSection>
            ),
          },
        ]}
      />
      {editing ? (
        <PolicyDocumentModal
          header={editing.mode === 'create' ? `Create inline policy for ${roleName}` : `Edit inline policy ${editing.policy.name}`}
          editorLabel="Policy document"
          editorDescription="JSON. A role's inline policies can have up to 10,240 characters together, not counting whitespace."
          initialDocument={editing.mode === 'create' ? INLINE_POLICY_TEMPLATE : editing.policy.document}
          kind="identity"
          checkOptions={{ storage: 'inline', otherInlineCharacters: othersSize(editing.mode === 'edit' ? editing.policy.name : undefined) }}
          {...(editing.mode === 'create'
            ? {
                nameField: {
                  validate: (name: string) =>
                    validatePolicyName(name) ?? (existingNames.has(name.toLowerCase()) ? `The role already has an inline policy named ${name}; edit it instead.` : undefined),
                },
              }
            : {})}
          saveLabel={editing.mode === 'create' ? 'Create policy' : 'Save changes'}
          cliFor={(document, name) => [awsCli('iam', 'PutRolePolicy', { RoleName: roleName, PolicyName: editing.mode === 'edit' ? editing.policy.name : name, PolicyDocument: compactJson(document) })]}
          mutation={put}
          errorAction="iam:PutRolePolicy"
          onDismiss={closeEditor}
          onSave={(document, name) => {
            const policyName = editing.mode === 'edit' ? editing.policy.name : name;
            put.mutate(
              { roleName, policyName, document },
              {
                onSuccess: () => {
                  notify({ type: 'success', header: `Inline policy ${policyName} ${editing.mode === 'create' ? 'created' : 'saved'}` });
                  closeEditor();
                },
              },
            );
          }}
        />
      ) : null}
      {removing ? (
        <ConfirmModal
          header={`Delete ${removing.name}?`}
          confirmLabel="Delete policy"
          commands={[awsCli('iam', 'DeleteRolePolicy', { RoleName: roleName, PolicyName: removing.name })]}
          pending={remove.isPending}
          error={remove.error}
          errorAction="iam:DeleteRolePolicy"
          onDismiss={() => {
            remove.reset();
            setRemoving(undefined);
          }}
          onConfirm={() =>
            remove.mutate(
              { roleName, policyName: removing.name },
              {
                onSuccess: () => {
                  notify({ type: 'success', header: `Inline policy ${removing.name} deleted` });
                  setSelected([]);
                  setRemoving(undefined);
                },
              },
            )
          }
        >
          Delete the inline policy {removing.name} of {roleName}? An inline policy exists only in its role: this cannot be undone.
        </ConfirmModal>
      ) : null}
    </>
  );
}
