/**
 * Local AWS pieces timed in this process, without HTTP: loading the AWS managed policy catalog (part of every start)
 * and evaluating a cached policy set (part of every signed call). Their unit tests assert what they do; the budgets
 * live here.
 */
import { ACCOUNT_ID } from '../../local-aws/config.ts';
import { evaluate } from '../../local-aws/iam-policy/evaluate.ts';
import { consoleRolePolicy } from '../../local-aws/seed/console-roles.ts';
import { seedManagedPolicyCatalog } from '../../local-aws/seed/managed-policies.ts';
import { IamModel } from '../../local-aws/services/iam/model.ts';
import { openStore } from '../../local-aws/store/store.ts';

export interface InProcessResult {
  managedPolicySeedMs: number;
  policyEvaluation: { calls: number; microsPerCall: number };
}

const EVALUATIONS = 20_000;

function timeManagedPolicySeed(): number {
  const iam = new IamModel(openStore('memory'));
  const started = performance.now();
  seedManagedPolicyCatalog(iam);
  return Math.round(performance.now() - started);
}

/** The console administrators' own policy (deploy/policies/console-admin.json) deciding an iam:PassRole to EC2. */
function timePolicyEvaluation(): number {
  const request = {
    identityPolicies: [consoleRolePolicy('console-admin')],
    action: 'iam:PassRole',
    resource: `arn:aws:iam::${ACCOUNT_ID}:role/WebServerRole`,
    context: { 'iam:PassedToService': 'ec2.amazonaws.com', 'aws:RequestedRegion': 'us-east-1' },
  };
  if (evaluate(request).effect !== 'allow') throw new Error('the benchmark policy no longer allows iam:PassRole');
  for (let i = 0; i < EVALUATIONS / 10; i++) evaluate(request); // warm-up: a running server has compiled this path
  const started = performance.now();
  for (let i = 0; i < EVALUATIONS; i++) evaluate(request);
  return Math.round(((performance.now() - started) * 1000 * 100) / EVALUATIONS) / 100;
}

export function measureInProcess(): InProcessResult {
  return {
    managedPolicySeedMs: timeManagedPolicySeed(),
    policyEvaluation: { calls: EVALUATIONS, microsPerCall: timePolicyEvaluation() },
  };
}
