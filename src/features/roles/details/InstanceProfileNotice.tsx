import { useState } from 'react';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import { useNotifications } from '../../../components/notifications/index.ts';
import { useCreateInstanceProfileForRole } from '../api/use-create-instance-profile.ts';
import type { RoleDetails } from '../api/get-role.ts';
import { awsCli } from '../../../aws/cli.ts';
import { ConfirmModal } from './ConfirmModal.tsx';

/**
 * A role in no instance profile cannot be chosen for an EC2 instance (the "Modify IAM role" list shows
 * profiles). The IAM console creates a same-name profile for EC2 roles; the CLI, CloudFormation and Terraform
 * do not. This offers the console's fix.
 */
export function InstanceProfileNotice({ role }: { role: RoleDetails }) {
  const [confirming, setConfirming] = useState(false);
  const mutation = useCreateInstanceProfileForRole();
  const { notify } = useNotifications();
  const trustsEc2 = role.trustedEntities.some((entity) => entity.kind === 'service' && entity.text === 'AWS service: ec2');
  const commands = [
    awsCli('iam', 'CreateInstanceProfile', { InstanceProfileName: role.name }),
    awsCli('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: role.name, RoleName: role.name }),
  ];

  return (
    <>
      <Alert
        type={trustsEc2 ? 'warning' : 'info'}
        header="This role has no instance profile"
        action={<Button onClick={() => setConfirming(true)}>Create instance profile</Button>}
      >
        EC2 instances can use a role only through an instance profile, so {role.name} does not appear in EC2&apos;s &quot;Modify IAM role&quot; list.
        Roles created with the AWS CLI, CloudFormation or Terraform get no instance profile; the IAM console creates one with the role&apos;s name.
        {trustsEc2 ? '' : ' Note that the trust policy does not allow EC2 (ec2.amazonaws.com) to assume this role.'}
      </Alert>
      {confirming ? (
        <ConfirmModal
          header="Create instance profile"
          confirmLabel="Create instance profile"
          commands={commands}
          pending={mutation.isPending}
          error={mutation.error}
          errorAction="iam:CreateInstanceProfile"
          onDismiss={() => {
            mutation.reset();
            setConfirming(false);
          }}
          onConfirm={() =>
            mutation.mutate(
              // A retry in the same dialog keeps the first attempt's start, so the profile that attempt made counts as ours.
              { roleName: role.name, startedAt: mutation.variables?.startedAt ?? new Date() },
              {
                onSuccess: () => {
                  notify({
                    type: 'success',
                    header: `Instance profile ${role.name} created`,
                    content: `It holds the role ${role.name}: you can now choose it for an instance in EC2's "Modify IAM role". EC2 may take a few seconds to see it.`,
                  });
                  setConfirming(false);
                },
              },
            )
          }
        >
          Create the instance profile {role.name} and add the role {role.name} to it, as the IAM console does for EC2 roles.
        </ConfirmModal>
      ) : null}
    </>
  );
}
