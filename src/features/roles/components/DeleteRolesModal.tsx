/**
 * "Delete role" as the IAM console does it: confirm by typing the role name (or "delete" for several roles),
 * see which instances still use the role, then each cleanup call and DeleteRole, step by step on the shared plan
 * runner. A failure stops the run and says what is left; Retry continues from the failed step. There is no undo:
 * a deleted role cannot be brought back.
 */
import { useState } from 'react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useRuntimeConfig } from '../../../config/runtime-config-context.tsx';
import { describeAwsError } from '../../../aws/errors.ts';
import { planState, summarize, type PlanState } from '../../../aws/plan/run-plan.ts';
import { usePlanRun } from '../../../aws/plan/use-plan-run.ts';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { CliEquivalent } from '../../../components/CliEquivalent.tsx';
import { useNotifications } from '../../../components/notifications/index.ts';
import { PlanProgress } from '../../../components/PlanProgress.tsx';
import { roleRemovalRunner } from '../api/send-role-call.ts';
import { roleDetailQueries } from '../api/get-role.ts';
import { roleInstanceQueries, type InstanceUsingRole } from '../api/instances-using-roles.ts';
import { invalidateProfiles } from '../api/invalidate.ts';
import { roleKeys } from '../../../aws/iam-queries.ts';
import { attachedPolicyQueries } from '../api/list-attached-role-policies.ts';
import { roleProfileQueries } from '../api/list-instance-profiles-for-role.ts';
import { inlinePolicyQueries } from '../api/list-role-policies.ts';
import { buildRoleDeletePlan, profilesLeftEmpty, type DeleteStep, type RoleDeletionFacts } from '../model/delete-plan.ts';
import { InstancesUsingRoleTable } from './InstancesUsingRoleTable.tsx';
import './roles.css';

/** Everything the plan needs about each role, loaded when the dialog opens. */
function useDeletionFacts(roleNames: readonly string[], enabled: boolean) {
  const profiles = useQueries({ queries: roleNames.map((name) => ({ ...roleProfileQueries.ofRole(name), enabled })) });
  const attached = useQueries({ queries: roleNames.map((name) => ({ ...attachedPolicyQueries.ofRole(name), enabled })) });
  const inline = useQueries({ queries: roleNames.map((name) => ({ ...inlinePolicyQueries.ofRole(name), enabled })) });
  const details = useQueries({ queries: roleNames.map((name) => ({ ...roleDetailQueries.detail(name), enabled })) });
  const all = [...profiles, ...attached, ...inline, ...details];
  const error = all.find((query) => query.isError)?.error;
  const loading = all.some((query) => query.isPending);
  const facts: RoleDeletionFacts[] | undefined =
    loading || error
      ? undefined
      : roleNames.map((roleName, index) => {
          const boundaryArn = details[index]?.data?.boundaryArn;
          return {
            roleName,
            profileNames: (profiles[index]?.data ?? []).map((profile) => profile.name),
            attachedPolicies: attached[index]?.data ?? [],
            inlinePolicyNames: (inline[index]?.data ?? []).map((policy) => policy.name),
            ...(boundaryArn ? { boundaryArn } : {}),
          };
        });
  const roleOfProfile = new Map<string, string>();
  roleNames.forEach((roleName, index) => {
    for (const profile of profiles[index]?.data ?? []) roleOfProfile.set(profile.arn, roleName);
  });
  return {
    facts,
    error,
    loading,
    profileArns: [...roleOfProfile.keys()],
    roleOfProfile,
    retry: () => all.filter((query) => query.isError).forEach((query) => void query.refetch()),
  };
}

export function DeleteRolesModal({ roleNames, onDismiss, onDeleted }: { roleNames: readonly string[]; onDismiss: () => void; onDeleted: (names: string[]) => void }) {
  const config = useRuntimeConfig();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const [confirmation, setConfirmation] = useState('');
  const deletion = usePlanRun<DeleteStep>(roleRemovalRunner);
  // Once deletion starts, the plan and what it found are frozen: re-reading a half-deleted role would only fail.
  const [snapshot, setSnapshot] = useState<{ instances: InstanceUsingRole[]; leftEmpty: string[] } | undefined>(undefined);
  const started = deletion.state !== undefined;
  const { facts, error, loading, profileArns, roleOfProfile, retry } = useDeletionFacts(roleNames, !started);
  const instances = useQuery({ ...roleInstanceQueries.usingProfiles(profileArns, config.regions), enabled: facts !== undefined && !started, staleTime: 0 });
  const running = deletion.running;

  const single = roleNames.length === 1;
  const confirmWord = single ? roleNames[0]! : 'delete';
  const progress: PlanState<DeleteStep> = deletion.state ?? planState(facts ? facts.flatMap(buildRoleDeletePlan) : []);
  const leftEmpty = snapshot?.leftEmpty ?? facts?.flatMap(profilesLeftEmpty) ?? [];
  const instanceList = snapshot?.instances ?? instances.data?.instances ?? [];
  const { failed, finished } = summarize(progress);

  const settle = async (result: PlanState<DeleteStep> | undefined) => {
    if (!result) return;
    const { completed, failed: failure } = summarize(result);
    // Forget the deleted roles (asking IAM about them again would only answer NoSuchEntity), refresh the rest.
    const forgetDeleted = () =>
      completed.filter((step) => step.command === 'DeleteRole').forEach((step) => queryClient.removeQueries({ queryKey: roleKeys.role(step.roleName) }));
    if (failure) {
      forgetDeleted();
      await invalidateProfiles(queryClient);
      return;
    }
    notify({
      type: 'success',
      header: single ? `Role ${roleNames[0]} deleted` : `${roleNames.length} roles deleted`,
      content: single ? undefined : roleNames.join(', '),
    });
    // Leave first (a role page would otherwise re-read its deleted role), then refresh the lists.
    onDeleted([...roleNames]);
    forgetDeleted();
    void invalidateProfiles(queryClient);
  };

  const start = () => {
    if (!facts || confirmation !== confirmWord || running || started) return;
    setSnapshot({ instances: instanceList, leftEmpty });
    void deletion.start(facts.flatMap(buildRoleDeletePlan)).then(settle);
  };

  return (
    <Modal
      visible
      size="large"
      header={single ? `Delete ${roleNames[0]}?` : `Delete ${roleNames.length} roles?`}
      closeAriaLabel="Close the delete dialog"
      onDismiss={() => {
        if (!running) onDismiss();
      }}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" disabled={running} onClick={onDismiss}>
              {failed ? 'Close' : 'Cancel'}
            </Button>
            {failed ? (
              <Button variant="primary" loading={running} onClick={() => void deletion.resume().then(settle)}>
                Retry
              </Button>
            ) : (
              <Button
                variant="primary"
                loading={running}
                disabled={!facts || confirmation !== confirmWord || running || (started && finished)}
                onClick={start}
              >
                Delete
              </Button>
            )}
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">
        <Box variant="p">
          {single ? `Delete the role ${roleNames[0]}? ` : `Delete the roles ${roleNames.join(', ')}? `}
          As the IAM console does, this first removes the role from its instance profiles, deletes the instance profile with the role&apos;s name,
          detaches the managed policies, deletes the inline policies and the permissions boundary, and then deletes the role. This cannot be undone.
        </Box>

        {error && !started ? <AwsErrorAlert error={error} onRetry={retry} /> : null}
        {loading && !started ? <StatusIndicator type="loading">Checking what uses {single ? 'the role' : 'the roles'}</StatusIndicator> : null}

        {instances.isPending && facts && profileArns.length > 0 && !started ? <StatusIndicator type="loading">Looking for instances that use {single ? 'the role' : 'the roles'}</StatusIndicator> : null}
        {instances.isError && !started ? (
          <AwsErrorAlert error={instances.error} context={{ action: 'ec2:DescribeIamInstanceProfileAssociations' }} onRetry={() => void instances.refetch()} />
        ) : null}
        {instances.data?.failures.map((regionFailure) => (
          <Alert key={regionFailure.region} type="warning" header={`Could not check the instances in ${regionFailure.region}`}>
            {describeAwsError(regionFailure.error).message}
          </Alert>
        ))}
        {instanceList.length > 0 ? (
          <Alert type="warning" header={`${instanceList.length} ${instanceList.length === 1 ? 'instance still uses' : 'instances still use'} ${single ? 'this role' : 'these roles'}`}>
            <SpaceBetween size="xs">
              <span>
                Once the role is deleted, these instances lose its permissions: applications on them that call AWS will start to fail. Attach another
                role to them first if they still need access.
              </span>
              <InstancesUsingRoleTable
                instances={instanceList}
                label="Instances still using the role"
                showRole={!single}
                roleOfProfile={(arn) => roleOfProfile.get(arn) ?? ''}
              />
            </SpaceBetween>
          </Alert>
        ) : null}
        {leftEmpty.length > 0 ? (
          <Alert type="info" header="Instance profiles that stay">
            The IAM console deletes only the instance profile named after the role. {leftEmpty.join(', ')} will remain, without a role.
          </Alert>
        ) : null}

        {progress.steps.length > 0 ? (
          <section aria-label="Deletion steps">
            <SpaceBetween size="xs">
              <Box variant="awsui-key-label">Steps</Box>
              <PlanProgress
                label="Deletion progress"
                state={progress}
                failureHeader="Deletion stopped"
                nothingDoneText="Nothing was deleted. Fix the cause, then choose Retry."
                advice="Fix the cause and choose Retry to continue from the failed step."
              />
            </SpaceBetween>
          </section>
        ) : null}

        {progress.steps.length > 0 ? <CliEquivalent commands={progress.steps.map((item) => item.step.cli)} defaultExpanded={false} /> : null}

        {!started ? (
          <FormField label={single ? `To confirm deletion, enter the role name (${confirmWord}).` : 'To confirm deletion, enter "delete".'}>
            <Input
              value={confirmation}
              ariaLabel="Confirm deletion"
              placeholder={confirmWord}
              disabled={!facts}
              onChange={({ detail }) => setConfirmation(detail.value)}
              onKeyDown={({ detail }) => {
                if (detail.key === 'Enter') start();
              }}
            />
          </FormField>
        ) : null}
      </SpaceBetween>
    </Modal>
  );
}
