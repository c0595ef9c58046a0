/**
 * IAM → Roles → Create role: four steps (trusted entity → permissions → tags → review), declared as data in
 * WIZARD_STEPS, each with its own react-hook-form form and validation (wizard-state.ts). Next checks the steps up
 * to the one asked for; "Create role" checks them all, then runs the model's plan step by step.
 */
import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Wizard from '@cloudscape-design/components/wizard';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { FORM_MODE, resolverOf } from '../../../components/FormFields.tsx';
import { useNotifications } from '../../../components/notifications/index.ts';
import { KeptDraftNotice } from '../../../components/KeptDraftNotice.tsx';
import { useKeptDraft, useRestoredDraft } from '../../../session/use-draft.ts';
import { useSession } from '../../../session/use-session.ts';
import { policyQueries } from '../../../aws/list-policies.ts';
import type { Finding } from '../../../iam-policies/checks/findings.ts';
import { roleQueries } from '../api/list-roles.ts';
import { RunProgress } from './components/RunProgress.tsx';
import { buildCreatePlan } from './model/create-plan.ts';
import { PermissionsStep } from './steps/PermissionsStep.tsx';
import { ReviewStep } from './steps/ReviewStep.tsx';
import { TagsStep } from './steps/TagsStep.tsx';
import { TrustedEntityStep } from './steps/TrustedEntityStep.tsx';
import { useCreateRoleRun } from './use-create-role-run.ts';
import {
  followingDescription,
  permissionsErrors,
  roleDraftOf,
  selectionOf,
  trustedEntityErrors,
  trustPolicyJson,
  withPreselectedPolicies,
  wizardStart,
  type PermissionsValues,
  type RoleDetailsValues,
  type RoleWizardDraft,
  type TagsValues,
  type TrustedEntityValues,
  type WizardValues,
} from './wizard-state.ts';
import './components/wizard.css';

const WIZARD_STEPS = [
  {
    title: 'Select trusted entity',
    description: 'Choose who may assume the role. The trust policy is generated from your choice.',
    errorSummary: 'Complete the trusted entity before you continue.',
  },
  {
    title: 'Add permissions',
    description: 'Attach managed policies, and optionally set a permissions boundary or write an inline policy.',
    errorSummary: 'Fix the permissions before you continue.',
  },
  { title: 'Add tags', description: 'Tags are checked against IAM’s limits as you type.', isOptional: true, errorSummary: 'Fix the tags before you continue.' },
  { title: 'Name, review, and create', errorSummary: 'Fix the role details before you create the role.' },
] as const satisfies readonly { title: string; description?: string; isOptional?: boolean; errorSummary: string }[];

const ROLE_WIZARD_DRAFT_KEY = 'roles/create';

/** Runs a form's validation as its submit does (every field's error shows), and says whether it passed. */
function passes(handleSubmit: (onValid: () => void, onInvalid: () => void) => () => Promise<void>): Promise<boolean> {
  return new Promise((resolve) => void handleSubmit(() => resolve(true), () => resolve(false))());
}

export default function CreateRolePage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const session = useSession();
  const accountId = session.status === 'signed-in' ? session.user.accountId : '';
  const roles = useQuery({ ...roleQueries.list(), refetchOnMount: 'always' });
  const existingRoleNames = useMemo(() => roles.data?.map((role) => role.name), [roles.data]);

  const restored = useRestoredDraft<RoleWizardDraft>(ROLE_WIZARD_DRAFT_KEY);
  const [start] = useState(() => wizardStart(restored, WIZARD_STEPS.length));
  const [activeStepIndex, setActiveStepIndex] = useState(start.activeStepIndex);
  // The policy checks' results arrive after the documents change; the steps' resolvers read them.
  const [customFindings, setCustomFindings] = useState<Finding[] | undefined>(start.findings.customTrust);
  const [inlineFindings, setInlineFindings] = useState<Finding[] | undefined>(start.findings.inlinePolicy);

  const trust = useForm<TrustedEntityValues>({
    ...FORM_MODE,
    defaultValues: start.values.trust,
    resolver: resolverOf((values) => trustedEntityErrors(values, customFindings)),
  });
  const permissions = useForm<PermissionsValues>({
    ...FORM_MODE,
    defaultValues: start.values.permissions,
    resolver: resolverOf((values) => permissionsErrors(values, inlineFindings)),
  });
  const tags = useForm<TagsValues>({ ...FORM_MODE, defaultValues: start.values.tags });
  const details = useForm<RoleDetailsValues>({ ...FORM_MODE, defaultValues: start.values.details });
  const stepForms = [trust, permissions, tags, details] as const;

  const trustValues = useWatch({ control: trust.control }) as TrustedEntityValues;
  const permissionsValues = useWatch({ control: permissions.control }) as PermissionsValues;
  const tagsValues = useWatch({ control: tags.control }) as TagsValues;
  const detailsValues = useWatch({ control: details.control }) as RoleDetailsValues;

  // Step 1 decides what step 2 preselects and the description's default text.
  const { subscribe: subscribeTrust, getValues: trustValuesNow } = trust;
  const { getValues: permissionsNow, setValue: setPermission } = permissions;
  const { getValues: detailsNow, setValue: setDetail } = details;
  useEffect(() => {
    let before = selectionOf(trustValuesNow());
    return subscribeTrust({
      formState: { values: true },
      callback: ({ values: changed }) => {
        const after = selectionOf(changed);
        const policies = permissionsNow('policies');
        const preselected = withPreselectedPolicies(policies, before, after);
        if (preselected !== policies) setPermission('policies', preselected);
        const description = detailsNow('description');
        const following = followingDescription(description, before, after);
        if (following !== description) setDetail('description', following);
        before = after;
      },
    });
  }, [subscribeTrust, trustValuesNow, permissionsNow, setPermission, detailsNow, setDetail]);

  // Once a step's errors show, a new check result may change them.
  const { trigger: triggerTrust } = trust;
  const { trigger: triggerPermissions } = permissions;
  const trustSubmitted = trust.formState.isSubmitted;
  const permissionsSubmitted = permissions.formState.isSubmitted;
  useEffect(() => {
    if (trustSubmitted) void triggerTrust('customTrustJson');
  }, [customFindings, trustSubmitted, triggerTrust]);
  useEffect(() => {
    if (permissionsSubmitted) void triggerPermissions('inlinePolicyDocument');
  }, [inlineFindings, permissionsSubmitted, triggerPermissions]);

  const { run, start: startRun, retryRemaining, deleteCreated, retryCleanup, reset } = useCreateRoleRun();
  // Once Create has made something in AWS, the same input cannot simply be created again: nothing is kept then.
  const createdSomething = run.phase !== 'cleaned' && run.create.steps.some((step) => step.status === 'done' || step.status === 'already-done');
  const untouched = !restored && activeStepIndex === 0 && !stepForms.some((form) => form.formState.isDirty);
  const draft = useMemo<RoleWizardDraft | undefined>(
    () =>
      untouched || createdSomething
        ? undefined
        : {
            values: { trust: trustValues, permissions: permissionsValues, tags: tagsValues, details: detailsValues },
            activeStepIndex,
            findings: { customTrust: customFindings, inlinePolicy: inlineFindings },
          },
    [untouched, createdSomething, trustValues, permissionsValues, tagsValues, detailsValues, activeStepIndex, customFindings, inlineFindings],
  );
  useKeptDraft(ROLE_WIZARD_DRAFT_KEY, draft);

  const readOnly = run.phase !== 'idle' && run.phase !== 'cleaned' && run.phase !== 'rejected';
  const values: WizardValues = { trust: trustValues, permissions: permissionsValues, tags: tagsValues, details: detailsValues };
  const trustJson = trustPolicyJson(trustValues, accountId);

  /** Checks the steps up to `upTo` in order; the first that fails is shown with its errors. */
  const stepsPass = async (upTo: number): Promise<boolean> => {
    for (let index = 0; index <= upTo; index += 1) {
      if (!(await passes(stepForms[index]!.handleSubmit))) {
        setActiveStepIndex(index);
        return false;
      }
    }
    return true;
  };

  const navigateTo = async (target: number) => {
    if (readOnly) return;
    if (target > activeStepIndex && !(await stepsPass(target - 1))) return;
    setActiveStepIndex(target);
  };

  const succeed = (roleName: string) => {
    const rolePath = `/roles/${encodeURIComponent(roleName)}`;
    void queryClient.invalidateQueries({ queryKey: policyQueries.all() });
    notify({
      type: 'success',
      header: `Role ${roleName} created.`,
      content: (
        <Link href={rolePath} color="inverted" onFollow={(event) => {
          event.preventDefault();
          void navigate(rolePath);
        }}>
          View role {roleName}
        </Link>
      ),
      autoDismissMs: 20_000,
    });
    void navigate('/roles');
  };

  const submit = async () => {
    if (readOnly || !(await stepsPass(WIZARD_STEPS.length - 1))) return;
    const current: WizardValues = { trust: trust.getValues(), permissions: permissions.getValues(), tags: tags.getValues(), details: details.getValues() };
    if (await startRun(buildCreatePlan(roleDraftOf(current, accountId)))) succeed(current.details.roleName);
  };

  const stepContent = [
    <TrustedEntityStep key="trust" form={trust} accountId={accountId} onCustomFindings={setCustomFindings} {...(customFindings ? { customFindings } : {})} />,
    <PermissionsStep key="permissions" form={permissions} onInlineFindings={setInlineFindings} {...(inlineFindings ? { inlineFindings } : {})} />,
    <TagsStep key="tags" control={tags.control} />,
    <SpaceBetween key="review" size="l">
      <ReviewStep
        values={values}
        control={details.control}
        trustPolicyJson={trustJson}
        plan={buildCreatePlan(roleDraftOf(values, accountId))}
        existingRoleNames={existingRoleNames}
        checkingAvailability={roles.isPending}
        onEdit={(index) => {
          if (!readOnly) setActiveStepIndex(index);
        }}
        readOnly={readOnly}
      />
      {roles.isError ? <AwsErrorAlert error={roles.error} context={{ action: 'iam:ListRoles' }} onRetry={() => void roles.refetch()} /> : null}
      {run.phase !== 'idle' ? (
        <RunProgress
          run={run}
          onRetryRemaining={() => {
            void retryRemaining().then((created) => {
              if (created) succeed(details.getValues('roleName'));
            });
          }}
          onDeleteCreated={() => void deleteCreated()}
          onRetryCleanup={() => void retryCleanup()}
          onStartOver={reset}
        />
      ) : null}
    </SpaceBetween>,
  ];

  const steps = WIZARD_STEPS.map((step, index) => {
    const { formState } = stepForms[index]!;
    return {
      title: step.title,
      ...('description' in step ? { description: step.description } : {}),
      ...('isOptional' in step ? { isOptional: step.isOptional } : {}),
      errorText: formState.isSubmitted && Object.keys(formState.errors).length > 0 ? step.errorSummary : undefined,
      content: stepContent[index],
    };
  });

  const onLastStep = activeStepIndex === WIZARD_STEPS.length - 1;
  const wizard = (
    <Wizard
      steps={steps}
      activeStepIndex={activeStepIndex}
      allowSkipTo
      submitButtonText="Create role"
      isLoadingNextStep={run.phase === 'creating'}
      i18nStrings={{
        stepNumberLabel: (stepNumber) => `Step ${stepNumber}`,
        collapsedStepsLabel: (stepNumber, stepsCount) => `Step ${stepNumber} of ${stepsCount}`,
        skipToButtonLabel: (step) => `Skip to ${step.title}`,
        navigationAriaLabel: 'Steps',
        cancelButton: 'Cancel',
        previousButton: 'Previous',
        nextButton: 'Next',
        optional: 'optional',
        submitButtonLoadingAnnouncement: 'Creating the role',
      }}
      {...(onLastStep && readOnly
        ? {
            customPrimaryActions: (
              <SpaceBetween direction="horizontal" size="xs">
                <Button variant="link" disabled>
                  Previous
                </Button>
                <Button variant="primary" loading={run.phase === 'creating'} disabled>
                  Create role
                </Button>
              </SpaceBetween>
            ),
          }
        : {})}
      onCancel={() => {
        if (!readOnly || run.phase === 'failed' || run.phase === 'cleanup-failed') void navigate('/roles');
      }}
      onNavigate={({ detail }) => void navigateTo(detail.requestedStepIndex)}
      onSubmit={() => void submit()}
    />
  );
  if (!restored) return wizard;
  return (
    <SpaceBetween size="m">
      <KeptDraftNotice visible />
      {wizard}
    </SpaceBetween>
  );
}
