/**
 * Local AWS pieces timed in this process, without HTTP: loading the AWS managed policy catalog (part of every start)
 * and evaluating a cached policy set (part of every signed call). Their unit tests assert what they do; the budgets
 * live here.
 */
import { evaluate } from '../../local-aws/iam-policy/evaluate.ts';
import { seedManagedPolicyCatalog } from '../../local-aws/seed/managed-policies.ts';
import { IamModel } from '../../local-aws/services/iam/model.ts';
import { openStore } from '../../local-aws/store/store.ts';

export interface InProcessResult {
  managedPolicySeedMs: number;
  policyEvaluation: { calls: number; microsPerCall: number };
}

const ACCOUNT = '123456789012';
const EVALUATIONS = 20_000;

function timeManagedPolicySeed(): number {
  const iam = new IamModel(openStore('memory'));
  const started = performance.now();
  seedManagedPolicyCatalog(iam);
  return Math.round(performance.now() - started);
}

/** A console-shaped identity policy: read everything, create and pass roles under one path in two regions. */
function timePolicyEvaluation(): number {
  const identityPolicy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Read', Effect: 'Allow', Action: ['iam:Get*', 'iam:List*', 'ec2:Describe*'], Resource: '*' },
      {
        Effect: 'Allow',
        Action: ['iam:CreateRole', 'iam:AttachRolePolicy', 'iam:PassRole'],
        Resource: `arn:aws:iam::${ACCOUNT}:role/console-ec2/*`,
        Condition: { StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
      },
      { Effect: 'Deny', Action: 'iam:DeleteRole', Resource: '*' },
    ],
  });
  const request = {
    identityPolicies: [identityPolicy],
    action: 'iam:PassRole',
    resource: `arn:aws:iam::${ACCOUNT}:role/console-ec2/web`,
    context: { 'aws:RequestedRegion': 'us-east-1', 'aws:username': 'alice' },
  };
  if (evaluate(request).effect !== 'allow') throw new Error('the benchmark policy no longer allows iam:PassRole');
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
