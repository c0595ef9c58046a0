import { useState } from 'react';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { formatDateTime } from '../../../components/format.ts';
import type { RoleDetails } from '../api/get-role.ts';
import type { ProfileRef } from '../api/list-instance-profiles.ts';
import { formatDuration } from '../model/role-filter.ts';
import { EditRoleModal } from './EditRoleModal.tsx';

function Copyable({ text, label }: { text: string; label: string }) {
  return <CopyToClipboard variant="inline" textToCopy={text} copyButtonAriaLabel={`Copy ${label}`} copySuccessText={`${label} copied`} copyErrorText={`${label} failed to copy`} />;
}

function lastActivity(role: RoleDetails): string {
  if (!role.lastUsed?.date) return 'Not used (or not in the tracking period)';
  return `${formatDateTime(role.lastUsed.date)}${role.lastUsed.region ? ` in ${role.lastUsed.region}` : ''}`;
}

export function SummarySection({ role, profiles, profilesPending }: { role: RoleDetails; profiles: readonly ProfileRef[] | undefined; profilesPending: boolean }) {
  const [editing, setEditing] = useState(false);
  return (
    <Container
      header={
        <Header
          variant="h2"
          actions={
            <Button ariaLabel="Edit summary" onClick={() => setEditing(true)}>
              Edit
            </Button>
          }
        >
          Summary
        </Header>
      }
    >
      <KeyValuePairs
        columns={3}
        items={[
          { label: 'ARN', value: <Copyable text={role.arn} label="ARN" /> },
          {
            label: 'Instance profile ARN',
            value: profilesPending ? (
              <StatusIndicator type="loading">Loading</StatusIndicator>
            ) : profiles && profiles.length > 0 ? (
              <SpaceBetween size="xxs">
                {profiles.map((profile) => (
                  <Copyable key={profile.arn} text={profile.arn} label={`instance profile ARN ${profile.name}`} />
                ))}
              </SpaceBetween>
            ) : (
              '-'
            ),
          },
          { label: 'Creation date', value: formatDateTime(role.createdAt) },
          { label: 'Last activity', value: lastActivity(role) },
          { label: 'Maximum session duration', value: formatDuration(role.maxSessionDuration) },
          { label: 'Description', value: role.description ? <Box>{role.description}</Box> : '-' },
          { label: 'Path', value: role.path },
        ]}
      />
      {editing ? <EditRoleModal role={role} onDismiss={() => setEditing(false)} /> : null}
    </Container>
  );
}
