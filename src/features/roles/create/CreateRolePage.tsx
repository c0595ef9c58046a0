/**
 * IAM → Roles → Create role: four steps (trusted entity → permissions → tags → review), declared as data in
 * WIZARD_STEPS, each with its own validation. "Create role" runs the model's plan step by step.
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Wizard from '@cloudscape-design/components/wizard';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { useNotifications } from '../../../components/notifications/index.ts';
import { KeptDraftNotice } from '../../auth/KeptDraftNotice.tsx';
import { useKeptDraft, useRestoredDraft } from '../../auth/use-draft.ts';
import { useSession } from '../../auth/use-session.ts';
import { policyQueries } from '../../policies/api/list-policies.ts';
import { securityWarningsKey, type Finding } from '../../policies/checks/findings.ts';
import { roleQueries } from '../api/list-roles.ts';
import { RunProgress } from './components/RunProgress.tsx';
import { buildCreatePlan } from './model/create-plan.ts';
import {
  validateDescription,
  validateManagedPolicyCount,
  validatePolicyName,
  validateRoleName,
  validateRoleNameAvailable,
  validateTags,
  validateTrustedEntity,
} from './model/validation.ts';
import { PermissionsStep } from './steps/PermissionsStep.tsx';
import { ReviewStep } from './steps/ReviewStep.tsx';
import { TagsStep } from './steps/TagsStep.tsx';
import { TrustedEntityStep } from './steps/TrustedEntityStep.tsx';
import { useCreateRoleRun } from './use-create-role-run.ts';
import { initialWizardState, roleDraftOf, selectionOf, trustPolicyJson, withTrustedEntity, type WizardState } from './wizard-state.ts';
import './components/wizard.css';

/** What every step's content and validation may use. */
interface StepContext {
  state: WizardState;
  update: (change: Partial<WizardState>) => void;
  accountId: string;
  showErrors: boolean;
  customFindings?: Finding[];
  setCustomFindings: (findings: Finding[]) => void;
  inlineFindings?: Finding[];
  setInlineFindings: (findings: Finding[]) => void;
  acknowledgedKeys: Record<'custom' | 'inline', string | undefined>;
  acknowledge: (which: 'custom' | 'inline', findings: Finding[] | undefined, value: boolean) => void;
  existingRoleNames?: string[];
  checkingAvailability: boolean;
  goTo: (index: number) => void;
  readOnly: boolean;
  trustJson: string;
}

interface WizardStepDefinition {
  id: string;
  title: string;
  description?: string;
  isOptional?: boolean;
  /** Field errors; an empty object lets the user go on. */
  validate: (context: StepContext) => Record<string, string>;
  render: (context: StepContext, errors: Record<string, string>) => ReactNode;
}

/** Problems of a JSON editor's findings that stop the wizard: errors, and unacknowledged security warnings. */
function findingsProblem(findings: Finding[] | undefined, acknowledgedKey: string | undefined): string | undefined {
  if (findings === undefined) return 'Wait for the policy checks to finish.';
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  if (errors > 0) return `Fix the ${errors === 1 ? 'error' : `${errors} errors`} in the policy before you continue.`;
  const hasWarnings = findings.some((finding) => finding.severity === 'security-warning');
  if (hasWarnings && acknowledgedKey !== securityWarningsKey(findings)) {
    return 'Review the security warnings and confirm that you want to continue.';
  }
  return undefined;
}

function put(errors: Record<string, string>, field: string, message: string | undefined): void {
  if (message) errors[field] = message;
}

const WIZARD_STEPS: readonly WizardStepDefinition[] = [
  {
    id: 'trusted-entity',
    title: 'Select trusted entity',
    description: 'Choose who may assume the role. The trust policy is generated from your choice.',
    validate: (context) => {
      const errors = validateTrustedEntity(selectionOf(context.state));
      if (context.state.entityType === 'custom') put(errors, 'customTrust', findingsProblem(context.customFindings, context.acknowledgedKeys.custom));
      return errors;
    },
    render: (context, errors) => (
      <TrustedEntityStep
        state={context.state}
        update={context.update}
        accountId={context.accountId}
        errors={errors}
        onCustomFindings={context.setCustomFindings}
        {...(context.customFindings ? { customFindings: context.customFindings } : {})}
        acknowledged={context.customFindings !== undefined && context.acknowledgedKeys.custom === securityWarningsKey(context.customFindings)}
        onAcknowledge={(value) => context.acknowledge('custom', context.customFindings, value)}
      />
    ),
  },
  {
    id: 'permissions',
    title: 'Add permissions',
    description: 'Attach managed policies, and optionally set a permissions boundary or write an inline policy.',
    validate: (context) => {
      const errors: Record<string, string> = {};
      put(errors, 'policies', validateManagedPolicyCount(context.state.policies.length));
      if (context.state.useBoundary && !context.state.boundary) {
        errors.boundary = 'Choose the policy to use as the permissions boundary, or create the role without a boundary.';
      }
      if (context.state.addInlinePolicy) {
        put(errors, 'inlinePolicyName', validatePolicyName(context.state.inlinePolicyName));
        put(errors, 'inlinePolicyDocument', findingsProblem(context.inlineFindings, context.acknowledgedKeys.inline));
      }
      return errors;
    },
    render: (context, errors) => (
      <PermissionsStep
        state={context.state}
        update={context.update}
        errors={errors}
        onInlineFindings={context.setInlineFindings}
        {...(context.inlineFindings ? { inlineFindings: context.inlineFindings } : {})}
        acknowledged={context.inlineFindings !== undefined && context.acknowledgedKeys.inline === securityWarningsKey(context.inlineFindings)}
        onAcknowledge={(value) => context.acknowledge('inline', context.inlineFindings, value)}
      />
    ),
  },
  {
    id: 'tags',
    title: 'Add tags',
    isOptional: true,
    description: 'Tags are checked against IAM’s limits as you type.',
    validate: (context) => {
      const validation = validateTags(context.state.tags);
      const errors: Record<string, string> = {};
      if (validation.listError) errors.tags = validation.listError;
      if (validation.rows.length > 0) errors.tags = errors.tags ?? `Fix the ${validation.rows.length === 1 ? 'tag' : `${validation.rows.length} tags`} marked below.`;
      return errors;
    },
    render: (context) => <TagsStep tags={context.state.tags} onChange={(tags) => context.update({ tags })} showAllErrors={context.showErrors} />,
  },
  {
    id: 'review',
    title: 'Name, review, and create',
    validate: (context) => {
      const errors: Record<string, string> = {};
      put(errors, 'roleName', validateRoleName(context.state.roleName) ?? validateRoleNameAvailable(context.state.roleName, context.existingRoleNames ?? []));
      put(errors, 'description', validateDescription(context.state.description));
      return errors;
    },
    render: (context, errors) => {
      const draft = roleDraftOf(context.state, context.accountId);
      // Name problems show as the user types; "Enter a role name" only once they tried to create.
      const roleNameError = context.state.roleName === '' && !context.showErrors ? undefined : errors.roleName;
      return (
        <ReviewStep
          state={context.state}
          update={context.update}
          trustPolicyJson={context.trustJson}
          plan={buildCreatePlan(draft)}
          {...(roleNameError ? { roleNameError } : {})}
          checkingAvailability={context.checkingAvailability}
          {...(errors.description ? { descriptionError: errors.description } : {})}
          onEdit={context.goTo}
          readOnly={context.readOnly}
        />
      );
    },
  },
];

const STEP_ERROR_SUMMARY: Record<string, string> = {
  'trusted-entity': 'Complete the trusted entity before you continue.',
  permissions: 'Fix the permissions before you continue.',
  tags: 'Fix the tags before you continue.',
  review: 'Fix the role details before you create the role.',
};

/** What the wizard keeps when the session ends under it: the user's choices and the step they were on. */
interface RoleWizardDraft {
  state: WizardState;
  activeStepIndex: number;
  acknowledgedKeys: Record<'custom' | 'inline', string | undefined>;
  /** The policy checks' results for the documents in `state`, so the steps after them need not be revisited. */
  customFindings: Finding[] | undefined;
  inlineFindings: Finding[] | undefined;
}

const ROLE_WIZARD_DRAFT_KEY = 'roles/create';

export default function CreateRolePage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const session = useSession();
  const accountId = session.status === 'signed-in' ? session.user.accountId : '';
  const roles = useQuery({ ...roleQueries.list(), refetchOnMount: 'always' });
  const existingRoleNames = useMemo(() => roles.data?.map((role) => role.name), [roles.data]);

  const restored = useRestoredDraft<RoleWizardDraft>(ROLE_WIZARD_DRAFT_KEY);
  const [pristine] = useState<WizardState>(initialWizardState);
  const [state, setState] = useState<WizardState>(() => restored?.state ?? pristine);
  const [activeStepIndex, setActiveStepIndex] = useState(restored?.activeStepIndex ?? 0);
  const [showErrorsFor, setShowErrorsFor] = useState<ReadonlySet<number>>(new Set());
  const [customFindings, setCustomFindings] = useState<Finding[] | undefined>(restored?.customFindings);
  const [inlineFindings, setInlineFindings] = useState<Finding[] | undefined>(restored?.inlineFindings);
  const [acknowledgedKeys, setAcknowledgedKeys] = useState<Record<'custom' | 'inline', string | undefined>>(
    () => restored?.acknowledgedKeys ?? { custom: undefined, inline: undefined },
  );
  const { run, start, retryRemaining, deleteCreated, retryCleanup, reset } = useCreateRoleRun();
  // Once Create has made something in AWS, the same input cannot simply be created again: nothing is kept then.
  const createdSomething = run.phase !== 'cleaned' && run.create.steps.some((step) => step.status === 'done' || step.status === 'already-done');
  const draft = useMemo<RoleWizardDraft | undefined>(
    () =>
      (state === pristine && activeStepIndex === 0) || createdSomething
        ? undefined
        : { state, activeStepIndex, acknowledgedKeys, customFindings, inlineFindings },
    [state, pristine, activeStepIndex, acknowledgedKeys, customFindings, inlineFindings, createdSomething],
  );
  useKeptDraft(ROLE_WIZARD_DRAFT_KEY, draft);

  const update = useCallback((change: Partial<WizardState>) => setState((current) => withTrustedEntity(current, change)), []);
  const readOnly = run.phase !== 'idle' && run.phase !== 'cleaned' && run.phase !== 'rejected';
  const trustJson = trustPolicyJson(state, accountId);

  const context: StepContext = {
    state,
    update,
    accountId,
    showErrors: false,
    ...(customFindings ? { customFindings } : {}),
    setCustomFindings,
    ...(inlineFindings ? { inlineFindings } : {}),
    setInlineFindings,
    acknowledgedKeys,
    acknowledge: (which, findings, value) => setAcknowledgedKeys((current) => ({ ...current, [which]: value && findings ? securityWarningsKey(findings) : undefined })),
    ...(existingRoleNames ? { existingRoleNames } : {}),
    checkingAvailability: roles.isPending,
    goTo: (index) => {
      if (!readOnly) setActiveStepIndex(index);
    },
    readOnly,
    trustJson,
  };

  const errorsOf = (index: number) => WIZARD_STEPS[index]!.validate(context);
  const firstInvalidStep = (upTo: number) => {
    for (let index = 0; index <= upTo; index += 1) if (Object.keys(errorsOf(index)).length > 0) return index;
    return undefined;
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
    if (readOnly) return;
    const invalid = firstInvalidStep(WIZARD_STEPS.length - 1);
    if (invalid !== undefined) {
      setShowErrorsFor((current) => new Set([...current, invalid]));
      setActiveStepIndex(invalid);
      return;
    }
    const plan = buildCreatePlan(roleDraftOf(state, accountId));
    if (await start(plan)) succeed(state.roleName);
  };

  const steps = WIZARD_STEPS.map((definition, index) => {
    const showErrors = showErrorsFor.has(index);
    const errors = errorsOf(index);
    const stepContext = { ...context, showErrors };
    const isReview = definition.id === 'review';
    return {
      title: definition.title,
      ...(definition.description ? { description: definition.description } : {}),
      ...(definition.isOptional ? { isOptional: true } : {}),
      errorText: showErrors && Object.keys(errors).length > 0 ? STEP_ERROR_SUMMARY[definition.id] : undefined,
      content: (
        <SpaceBetween size="l">
          {definition.render(stepContext, showErrors || definition.id === 'tags' || isReview ? errors : {})}
          {isReview && roles.isError ? (
            <AwsErrorAlert error={roles.error} context={{ action: 'iam:ListRoles' }} onRetry={() => void roles.refetch()} />
          ) : null}
          {isReview && run.phase !== 'idle' ? (
            <RunProgress
              run={run}
              onRetryRemaining={() => {
                void retryRemaining().then((created) => {
                  if (created) succeed(state.roleName);
                });
              }}
              onDeleteCreated={() => void deleteCreated()}
              onRetryCleanup={() => void retryCleanup()}
              onStartOver={reset}
            />
          ) : null}
        </SpaceBetween>
      ),
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
      onNavigate={({ detail }) => {
        if (readOnly) return;
        const target = detail.requestedStepIndex;
        if (target > activeStepIndex) {
          const invalid = firstInvalidStep(target - 1);
          if (invalid !== undefined) {
            setShowErrorsFor((current) => new Set([...current, invalid]));
            setActiveStepIndex(invalid);
            return;
          }
        }
        setActiveStepIndex(target);
      }}
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
