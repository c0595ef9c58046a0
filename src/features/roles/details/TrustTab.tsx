import { useState } from 'react';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useNotifications } from '../../../components/notifications/index.ts';
import { PolicyJsonViewer } from '../../../iam-policies/components/PolicyJsonViewer.tsx';
import type { RoleDetails } from '../api/get-role.ts';
import { useUpdateAssumeRolePolicy } from '../api/update-assume-role-policy.ts';
import { awsCli, compactJson } from '../../../aws/cli.ts';
import { PolicyDocumentModal } from './PolicyDocumentModal.tsx';

export function TrustTab({ role }: { role: RoleDetails }) {
  const [editing, setEditing] = useState(false);
  const mutation = useUpdateAssumeRolePolicy();
  const { notify } = useNotifications();
  const close = () => {
    mutation.reset();
    setEditing(false);
  };
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2" description="Who may assume this role, read from its trust policy.">Trusted entities</Header>}>
        {role.trustedEntities.length ? (
          <ul className="role-trusted-entities" aria-label="Trusted entities">
            {role.trustedEntities.map((entity) => (
              <li key={entity.text}>{entity.text}</li>
            ))}
          </ul>
        ) : (
          <Box color="text-body-secondary">The trust policy allows no one to assume this role.</Box>
        )}
      </Container>
      <Container
        header={
          <Header variant="h2" actions={<Button onClick={() => setEditing(true)}>Edit trust policy</Button>}>
            Trust policy
          </Header>
        }
      >
        <PolicyJsonViewer json={role.trustPolicy} label={`Trust policy of ${role.name}`} maxHeight={480} />
      </Container>
      {editing ? (
        <PolicyDocumentModal
          header={`Edit the trust policy of ${role.name}`}
          editorLabel="Trust policy"
          editorDescription="JSON. Only sts:AssumeRole-type actions and a Principal are allowed; IAM's default quota is 2,048 characters, not counting whitespace."
          initialDocument={role.trustPolicy}
          kind="trust"
          saveLabel="Update policy"
          cliFor={(document) => [awsCli('iam', 'UpdateAssumeRolePolicy', { RoleName: role.name, PolicyDocument: compactJson(document) })]}
          mutation={mutation}
          errorAction="iam:UpdateAssumeRolePolicy"
          onDismiss={close}
          onSave={(document) =>
            mutation.mutate(
              { roleName: role.name, document },
              {
                onSuccess: () => {
                  notify({ type: 'success', header: `Trust policy of ${role.name} updated` });
                  close();
                },
              },
            )
          }
        />
      ) : null}
    </SpaceBetween>
  );
}
