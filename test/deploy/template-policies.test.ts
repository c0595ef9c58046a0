import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const deployFile = (name: string): string => readFileSync(fileURLToPath(new URL(`../../deploy/${name}`, import.meta.url)), 'utf8');

/** Reads the JSON value that starts at `start` (a '{'), honouring strings, and returns its text. */
function jsonBlockAt(text: string, start: number): string {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  throw new Error(`unterminated JSON block at offset ${start}`);
}

/**
 * The template writes each inline policy as `- PolicyName: <name>` followed by `PolicyDocument:` and a JSON
 * block (JSON is valid YAML), so the documents can be read without a YAML parser.
 */
function inlinePolicies(template: string): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const pattern = /- PolicyName: ([\w-]+)\n\s+PolicyDocument:\s*\n\s*\{/g;
  for (const match of template.matchAll(pattern)) {
    const braceAt = match.index + match[0].length - 1;
    found.set(match[1]!, JSON.parse(jsonBlockAt(template, braceAt)));
  }
  return found;
}

describe('deploy/cloudformation.yaml', () => {
  const template = deployFile('cloudformation.yaml');

  it('embeds exactly the console policies of deploy/policies/', () => {
    const policies = inlinePolicies(template);
    expect([...policies.keys()].sort()).toEqual(['console-admin', 'console-viewer']);
    expect(template.match(/^\s+PolicyDocument:/gm)).toHaveLength(2);
    for (const [name, document] of policies) {
      expect(document, name).toEqual(JSON.parse(deployFile(`policies/${name}.json`)));
    }
  });

  it('keeps the sign-in settings the console and local AWS rely on', () => {
    for (const line of [
      'AllowAdminCreateUserOnly: true',
      'PreventUserExistenceErrors: ENABLED',
      'GenerateSecret: false',
      '- ALLOW_USER_PASSWORD_AUTH',
      '- ALLOW_REFRESH_TOKEN_AUTH',
      'AllowUnauthenticatedIdentities: false',
      'Type: Token',
      'AmbiguousRoleResolution: Deny',
      'Path: /iam-role-console/',
      "'cognito-identity.amazonaws.com:aud': !Ref IdentityPool",
    ]) {
      expect(template, line).toContain(line);
    }
    for (const output of ['Region', 'UserPoolId', 'UserPoolClientId', 'IdentityPoolId']) expect(template).toMatch(new RegExp(`\\n  ${output}:\\n    Value: `));
  });
});

describe('deploy/policies', () => {
  const admin = JSON.parse(deployFile('policies/console-admin.json')) as { Statement: { Effect: string; Action: string | string[]; Resource: string }[] };
  const viewer = JSON.parse(deployFile('policies/console-viewer.json')) as { Statement: { Effect: string; Action: string | string[] }[] };
  const actions = (s: { Action: string | string[] }): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);

  // The policy simulator's two actions are reads too (AWS's access level Read): they change nothing.
  const SIMULATE = ['iam:SimulatePrincipalPolicy', 'iam:SimulateCustomPolicy'];

  it('gives the viewer only Get, List and Describe actions, and the policy simulator', () => {
    for (const statement of viewer.Statement) {
      expect(statement.Effect).toBe('Allow');
      for (const action of actions(statement)) {
        if (!SIMULATE.includes(action)) expect(action).toMatch(/^(iam|ec2):(Get|List|Describe)[A-Za-z]+$/);
      }
    }
    expect(viewer.Statement.flatMap(actions)).toEqual(expect.arrayContaining(SIMULATE));
  });

  it('lets the admin run the policy simulator too', () => {
    const allowed = admin.Statement.filter((s) => s.Effect === 'Allow' && s.Resource === '*').flatMap(actions);
    expect(allowed).toEqual(expect.arrayContaining(SIMULATE));
  });

  it("denies the admin every change to the console's own roles, and passing them", () => {
    const deny = admin.Statement.find((s) => s.Effect === 'Deny')!;
    expect(deny.Resource).toBe('arn:aws:iam::*:role/iam-role-console/*');
    const allowedOnRoles = admin.Statement.filter((s) => s.Effect === 'Allow' && s.Resource === 'arn:aws:iam::*:role/*').flatMap(actions);
    expect(actions(deny).sort()).toEqual([...new Set(allowedOnRoles)].sort());
    expect(actions(deny)).toContain('iam:PassRole');
  });
});
