/**
 * Fault injection in the local AWS the e2e global setup started (POST/GET /_local/faults, syntax in
 * local-aws/server/faults.ts: `throttle=0.2`, `error=1,action=AttachRolePolicy`, `delay=2000`, `drop=1,action=…`,
 * `drop-after=1,times=1,action=CreateRole` to lose one reply after AWS acted).
 * Faults apply to every caller (console, CLI, Cognito), so specs set them only around the part under test and
 * clear them in afterEach.
 */
import { localAwsUrl, postLocal } from './local-aws.ts';

async function postFaults(spec: string): Promise<string> {
  return ((await postLocal(localAwsUrl(), 'faults', { faults: spec })) as { faults: string }).faults;
}

/** Replaces the fault settings and returns what local AWS now applies (its own description of them). */
export async function setFaults(spec: string): Promise<string> {
  if (spec.trim() === '') throw new Error('setFaults needs a fault; use clearFaults() to remove them');
  return postFaults(spec);
}

/** Removes every fault; throws if local AWS still reports one. */
export async function clearFaults(): Promise<void> {
  const remaining = await postFaults('');
  if (remaining !== '') throw new Error(`faults still active after clearing: ${remaining}`);
}

export async function currentFaults(): Promise<string> {
  const response = await fetch(`${localAwsUrl()}/_local/faults`);
  if (!response.ok) throw new Error(`GET /_local/faults answered ${response.status}`);
  return ((await response.json()) as { faults: string }).faults;
}
