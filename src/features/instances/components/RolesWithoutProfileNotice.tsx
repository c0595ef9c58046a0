import { useMutation, useQueryClient } from '@tanstack/react-query';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { useNotifications } from '../../../components/notifications/index.ts';
import { createInstanceProfileForRole } from '../api/create-instance-profile.ts';
import type { Ec2RoleSummary } from '../api/list-ec2-roles.ts';
import { invalidateInstanceProfiles } from '../../../aws/iam-queries.ts';

/** Explains why an EC2 role is missing from the drop-down and creates its same-name instance profile. */
export function RolesWithoutProfileNotice({ roles }: { roles: Ec2RoleSummary[] }) {
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const create = useMutation({
    mutationFn: ({ roleName, startedAt }: { roleName: string; startedAt: Date }) => createInstanceProfileForRole(roleName, startedAt),
    onSuccess: async (_, { roleName }) => {
      await invalidateInstanceProfiles(queryClient);
      notify({ type: 'success', header: `Instance profile ${roleName} created`, content: `It holds role ${roleName} and is now in the IAM role list.` });
    },
  });
  if (roles.length === 0) return null;
  return (
    <Alert type="info" header={roles.length === 1 ? 'A role for EC2 is not in the list' : `${roles.length} roles for EC2 are not in the list`}>
      <SpaceBetween size="xs">
        <span>
          EC2 attaches roles through instance profiles. The IAM console creates one for each EC2 role; roles made with the CLI,
          CloudFormation or Terraform often have none.
        </span>
        <ul className="instances-orphan-roles" aria-label="Roles without an instance profile">
          {roles.map((role) => (
            <li key={role.arn}>
              <SpaceBetween direction="horizontal" size="xs" alignItems="center">
                <Box variant="span">
                  <Box variant="strong">{role.name}</Box> has no instance profile
                </Box>
                <Button
                  variant="normal"
                  ariaLabel={`Create instance profile for ${role.name}`}
                  loading={create.isPending && create.variables?.roleName === role.name}
                  disabled={create.isPending}
                  onClick={() => create.mutate({ roleName: role.name, startedAt: new Date() })}
                >
                  Create instance profile
                </Button>
              </SpaceBetween>
            </li>
          ))}
        </ul>
        {create.isError ? (
          <AwsErrorAlert
            error={create.error}
            context={{ action: 'iam:CreateInstanceProfile' }}
            onRetry={() => create.variables && create.mutate(create.variables)}
          />
        ) : null}
      </SpaceBetween>
    </Alert>
  );
}
