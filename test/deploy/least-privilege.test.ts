/**
 * The console's least-privilege policies (deploy/policies/) against what the console actually calls.
 *
 * The list of calls is derived from the console's source: every `new XxxCommand(` or `paginateXxx(` whose class
 * or paginator is imported from @aws-sdk/client-iam, client-ec2 or client-sts becomes `iam:Xxx` / `ec2:Xxx` /
 * `sts:Xxx`, plus the permissions AWS checks in addition to the action itself (iam:PassRole for calls that hand a
 * role to EC2, iam:TagRole / iam:TagPolicy for creates that carry tags). The policies are evaluated with local
 * AWS's policy engine.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { denialReason, evaluate } from '../../local-aws/iam-policy/evaluate.ts';
import type { ConditionContext } from '../../local-aws/iam-policy/types.ts';

const ACCOUNT = '123456789012';
const repoFile = (relative: string): string => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

interface PolicyDocument {
  Version: string;
  Statement: { Sid?: string; Effect: 'Allow' | 'Deny'; Action: string | string[]; Resource: string | string[] }[];
}

const readPolicy = (name: string): PolicyDocument => JSON.parse(readFileSync(repoFile(`deploy/policies/${name}.json`), 'utf8')) as PolicyDocument;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [path] : [];
  });
}

const SDK_PREFIXES: Record<string, string> = { iam: 'iam', ec2: 'ec2', sts: 'sts' };

/** `iam:CreateRole`, … for every command the console constructs, from the imports of each source file. */
function consoleActionsFromSource(): Set<string> {
  const actions = new Set<string>();
  for (const file of sourceFiles(repoFile('src'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'@aws-sdk\/client-(iam|ec2|sts)'/g)) {
      const prefix = SDK_PREFIXES[match[2]!]!;
      for (const imported of match[1]!.split(',').map((name) => name.trim().split(/\s+as\s+/)[0]!)) {
        const command = /^(\w+)Command$/.exec(imported);
        if (command && new RegExp(`new ${imported}\\(`).test(text)) actions.add(`${prefix}:${command[1]}`);
        const paginator = /^paginate(\w+)$/.exec(imported);
        if (paginator && new RegExp(`${imported}\\(`).test(text)) actions.add(`${prefix}:${paginator[1]}`);
      }
    }
  }
  return actions;
}

/** Permissions AWS checks on top of the called action (IAM User Guide, EC2 API reference). */
const IMPLIED: Record<string, string[]> = {
  'iam:AddRoleToInstanceProfile': ['iam:PassRole'],
  'ec2:AssociateIamInstanceProfile': ['iam:PassRole'],
  'ec2:ReplaceIamInstanceProfileAssociation': ['iam:PassRole'],
  // The wizard and the create-policy page send tags with the create call, which AWS authorizes as Tag*.
  'iam:CreateRole': ['iam:TagRole'],
  'iam:CreatePolicy': ['iam:TagPolicy'],
};

/** Answered for every signed caller whatever the policies say (local-aws/server/authorize.ts, as AWS does). */
const NEEDS_NO_PERMISSION = new Set(['sts:GetCallerIdentity']);

const ROLE = `arn:aws:iam::${ACCOUNT}:role/MatillionRole`;
const POLICY = `arn:aws:iam::${ACCOUNT}:policy/AppPolicy`;
const PROFILE = `arn:aws:iam::${ACCOUNT}:instance-profile/MatillionRole`;
const USER = `arn:aws:iam::${ACCOUNT}:user/alice`;
const GROUP = `arn:aws:iam::${ACCOUNT}:group/developers`;
const INSTANCE = `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0123456789abcdef0`;

/** A representative resource for an action, as local AWS (and AWS) authorizes it. */
function resourceFor(action: string): string {
  const name = action.split(':')[1]!;
  if (action.startsWith('ec2:')) return name.startsWith('Describe') ? '*' : INSTANCE;
  if (name === 'ListRoles') return `arn:aws:iam::${ACCOUNT}:role/`;
  if (name === 'ListPolicies') return `arn:aws:iam::${ACCOUNT}:policy/`;
  if (name === 'ListInstanceProfiles') return `arn:aws:iam::${ACCOUNT}:instance-profile/`;
  if (name === 'ListInstanceProfilesForRole' || name === 'PassRole') return ROLE;
  if (/InstanceProfile/.test(name)) return PROFILE;
  if (/User/.test(name)) return USER;
  if (/Group/.test(name)) return GROUP;
  if (/Polic(y|ies)$|PolicyVersion|PolicyTags|EntitiesForPolicy|DefaultPolicyVersion/.test(name) && !/Role/.test(name)) return POLICY;
  return ROLE;
}

function contextFor(action: string): ConditionContext {
  return action === 'iam:PassRole' ? { 'iam:PassedToService': 'ec2.amazonaws.com' } : {};
}

// The policy simulator's calls are of access level Read in AWS's service authorization reference: they change nothing.
const isRead = (action: string): boolean => /^(Get|List|Describe|Simulate)/.test(action.split(':')[1]!);

function decide(policies: readonly string[], action: string) {
  return evaluate({ action, resource: resourceFor(action), identityPolicies: policies, context: contextFor(action) });
}

/** local AWS's AccessDenied text for a denied request (local-aws/server/authorize.ts). */
function accessDeniedMessage(policies: readonly string[], action: string): string | undefined {
  const decision = decide(policies, action);
  if (decision.effect === 'allow') return undefined;
  return `User: arn:aws:sts::${ACCOUNT}:assumed-role/console-admin/admin is not authorized to perform: ${action} on resource: ${resourceFor(action)} ${denialReason(decision, action)}`;
}

const called = consoleActionsFromSource();
const required = [...new Set([...called, ...[...called].flatMap((action) => IMPLIED[action] ?? [])])]
  .filter((action) => !NEEDS_NO_PERMISSION.has(action))
  .sort();
const admin = readPolicy('console-admin');
const viewer = readPolicy('console-viewer');

describe('the console actions derived from src/', () => {
  it('include the calls of every feature (the derivation finds them)', () => {
    for (const action of ['iam:ListRoles', 'iam:CreateRole', 'iam:ListPolicyVersions', 'ec2:DescribeInstances', 'ec2:AssociateIamInstanceProfile', 'sts:GetCallerIdentity']) {
      expect(called, action).toContain(action);
    }
    expect(required).toContain('iam:PassRole');
    expect(required.length).toBeGreaterThan(40);
  });
});

describe('deploy/policies/console-admin.json', () => {
  it.each(required)('allows %s', (action) => {
    expect(accessDeniedMessage([JSON.stringify(admin)], action)).toBeUndefined();
  });

  it('passes roles to EC2 only, and never the console roles', () => {
    const policies = [JSON.stringify(admin)];
    const passTo = (service: string, resource = ROLE) =>
      evaluate({ action: 'iam:PassRole', resource, identityPolicies: policies, context: { 'iam:PassedToService': service } }).effect;
    expect(passTo('lambda.amazonaws.com')).toBe('deny');
    expect(passTo('ec2.amazonaws.com', `arn:aws:iam::${ACCOUNT}:role/iam-role-console/console-admin`)).toBe('deny');
    const changeConsoleRole = evaluate({ action: 'iam:AttachRolePolicy', resource: `arn:aws:iam::${ACCOUNT}:role/iam-role-console/console-viewer`, identityPolicies: policies, context: {} });
    expect(changeConsoleRole).toEqual({ effect: 'deny', reason: 'explicit-identity' });
  });

  const allowStatements = admin.Statement.filter((statement) => statement.Effect === 'Allow');
  it.each(allowStatements.map((statement) => [statement.Sid ?? JSON.stringify(statement.Action), statement] as const))(
    'without statement %s, a console action is denied with that permission named',
    (_sid, removed) => {
      const reduced = JSON.stringify({ ...admin, Statement: admin.Statement.filter((statement) => statement !== removed) });
      const full = [JSON.stringify(admin)];
      // Only what the full policy allows can be lost by removing a statement.
      const denied = required.filter((action) => accessDeniedMessage(full, action) === undefined && accessDeniedMessage([reduced], action) !== undefined);
      expect(denied.length, 'at least one console action needs this statement').toBeGreaterThan(0);
      const removedActions = [removed.Action].flat();
      for (const action of denied) {
        const message = accessDeniedMessage([reduced], action)!;
        expect(message).toContain(`is not authorized to perform: ${action} on resource: ${resourceFor(action)}`);
        expect(message).toMatch(new RegExp(`because no identity-based policy allows the ${action} action$`));
        // The denial comes from this statement: it grants exactly the action now refused.
        expect(removedActions).toContain(action);
      }
    },
  );
});

describe('deploy/policies/console-viewer.json', () => {
  const reads = required.filter(isRead);
  const writes = required.filter((action) => !isRead(action));

  it('has reads and writes to check', () => {
    expect(reads.length).toBeGreaterThan(10);
    expect(writes.length).toBeGreaterThan(10);
  });

  it.each(reads)('allows the read %s', (action) => {
    expect(accessDeniedMessage([JSON.stringify(viewer)], action)).toBeUndefined();
  });

  it.each(writes)('denies the write %s, naming it', (action) => {
    expect(accessDeniedMessage([JSON.stringify(viewer)], action)).toMatch(
      new RegExp(`not authorized to perform: ${action} on resource: .* because no identity-based policy allows the ${action} action$`),
    );
  });
});
