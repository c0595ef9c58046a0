/**
 * Reconciling a step whose reply was lost. A call can take effect at AWS and still fail at the console (the
 * connection dropped after IAM acted); the SDK, or the browser below it, then sends it again and IAM answers the
 * second copy with "already exists". Each function here compares what IAM now holds with what the step asked
 * for and says whether the step can count as done. They refuse whenever the thing is not clearly ours: adopting
 * someone else's role would attach our policies to it, and "Delete what was created" would delete it.
 */
import { createdDuringRun } from '../../../../aws/reconcile.ts';
import type { StepCall } from './create-plan';

type CreateRoleInput = Extract<StepCall, { command: 'CreateRole' }>['input'];

/** IAM's default MaxSessionDuration when CreateRole leaves it out. */
const DEFAULT_MAX_SESSION_SECONDS = 3600;

/** A role as GetRole shows it, with the trust policy already URL-decoded. */
export interface ExistingRole {
  path: string;
  createDate: Date;
  trustPolicyJson: string;
  description?: string;
  maxSessionDuration?: number;
  permissionsBoundaryArn?: string;
  tags: ReadonlyArray<{ Key: string; Value: string }>;
}

/** JSON text with object keys sorted, so documents that differ only in key order or spacing compare equal. */
function canonicalJson(text: string): string | undefined {
  const sortKeys = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([key, inner]) => [key, sortKeys(inner)]),
      );
    }
    return value;
  };
  try {
    return JSON.stringify(sortKeys(JSON.parse(text)));
  } catch {
    return undefined;
  }
}

export function samePolicyDocument(left: string, right: string): boolean {
  const a = canonicalJson(left);
  return a !== undefined && a === canonicalJson(right);
}

function sameTags(left: ReadonlyArray<{ Key: string; Value: string }>, right: ReadonlyArray<{ Key: string; Value: string }>): boolean {
  const text = (tags: ReadonlyArray<{ Key: string; Value: string }>) =>
    JSON.stringify(tags.map((tag) => [tag.Key, tag.Value]).sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0)));
  return text(left) === text(right);
}

/**
 * CreateRole answered EntityAlreadyExists: the existing role is ours only if it was created since this run
 * started and has exactly what CreateRole set: trust policy, path, description, maximum session duration,
 * permissions boundary and tags.
 */
export function roleIsFromCreateRole(existing: ExistingRole, input: CreateRoleInput, runStartedAt: Date): boolean {
  return (
    createdDuringRun(existing.createDate, runStartedAt) &&
    existing.path === input.Path &&
    samePolicyDocument(existing.trustPolicyJson, input.AssumeRolePolicyDocument) &&
    (existing.description ?? '') === (input.Description ?? '') &&
    (existing.maxSessionDuration ?? DEFAULT_MAX_SESSION_SECONDS) === (input.MaxSessionDuration ?? DEFAULT_MAX_SESSION_SECONDS) &&
    existing.permissionsBoundaryArn === input.PermissionsBoundary &&
    sameTags(existing.tags, input.Tags ?? [])
  );
}
