import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { compileTemplate, globMatch } from './pattern.ts';
import { simulate } from './simulate.ts';
import { checkPolicyDocument } from './validate.ts';

const actionArb = fc.constantFrom('iam:CreateRole', 'iam:PassRole', 'ec2:RunInstances', 's3:GetObject', 'sts:AssumeRole');
const resourceArb = fc.constantFrom(
  '*',
  'arn:aws:iam::123456789012:role/MatillionRole',
  'arn:aws:ec2:us-east-1:123456789012:instance/i-0abc',
  'arn:aws:s3:::bucket/key',
);
const patternTextArb = fc.stringMatching(/^[a-zA-Z0-9:*?/${}-]{0,12}$/);
const valueArb = fc.oneof(patternTextArb, fc.constantFrom('*', 'iam:*', 'ec2:Describe*', 'arn:aws:iam::*:role/*'));
const listOrOne = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.array(arb, { maxLength: 3 }));
const operatorArb = fc.constantFrom(
  'StringEquals',
  'StringLike',
  'StringNotEqualsIgnoreCase',
  'NumericLessThan',
  'DateGreaterThan',
  'Bool',
  'IpAddress',
  'NotIpAddress',
  'ArnLike',
  'Null',
  'ForAllValues:StringEquals',
  'ForAnyValue:StringLikeIfExists',
  'Bogus',
);
const statementArb = fc.record(
  {
    Effect: fc.constantFrom('Allow', 'Deny', 'allow', 5),
    Action: listOrOne(valueArb),
    NotAction: listOrOne(valueArb),
    Resource: listOrOne(valueArb),
    NotResource: listOrOne(valueArb),
    Condition: fc.dictionary(operatorArb, fc.dictionary(fc.constantFrom('k', 'aws:SourceIp', 'aws:username'), listOrOne(valueArb))),
  },
  { requiredKeys: [] },
);
const policyArb = fc.record(
  { Version: fc.constantFrom('2012-10-17', '2008-10-17'), Statement: listOrOne(statementArb) },
  { requiredKeys: [] },
);
const contextArb = fc.dictionary(
  fc.constantFrom('k', 'aws:SourceIp', 'aws:username', 'AWS:USERNAME'),
  fc.oneof(fc.string({ maxLength: 8 }), fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }), fc.constant('10.0.0.1')),
);

describe('properties', () => {
  it('evaluate never throws, whatever JSON or text the policies hold', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.json(), fc.string(), policyArb.map((p) => JSON.stringify(p))), { maxLength: 4 }),
        fc.option(policyArb.map((p) => JSON.stringify(p)), { nil: undefined }),
        actionArb,
        resourceArb,
        contextArb,
        (identityPolicies, permissionsBoundary, action, resource, context) => {
          const decision = evaluate({ identityPolicies, permissionsBoundary, action, resource, context });
          expect(['allow', 'deny']).toContain(decision.effect);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a matching Deny statement always wins', () => {
    const denyAll = JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Deny', Action: '*', Resource: '*' } });
    fc.assert(
      fc.property(
        fc.array(policyArb.map((p) => JSON.stringify(p)), { maxLength: 4 }),
        fc.nat(4),
        actionArb,
        resourceArb,
        contextArb,
        (policies, position, action, resource, context) => {
          const identityPolicies = [...policies];
          identityPolicies.splice(Math.min(position, identityPolicies.length), 0, denyAll);
          expect(evaluate({ identityPolicies, action, resource, context })).toEqual({
            effect: 'deny',
            reason: 'explicit-identity',
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('adding a policy never turns an explicit deny into an allow, and Allow * allows unless something denies', () => {
    const allowAll = JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } });
    fc.assert(
      fc.property(fc.array(policyArb.map((p) => JSON.stringify(p)), { maxLength: 3 }), actionArb, resourceArb, contextArb, (policies, action, resource, context) => {
        const before = evaluate({ identityPolicies: policies, action, resource, context });
        const after = evaluate({ identityPolicies: [...policies, allowAll], action, resource, context });
        if (before.effect === 'deny' && before.reason === 'explicit-identity') expect(after).toEqual(before);
        else expect(after).toEqual({ effect: 'allow' });
      }),
      { numRuns: 200 },
    );
  });

  it('the simulator decides exactly as evaluate does, and locates every statement it names', () => {
    const source = (document: string, index: number) => ({ id: `PolicyInputList.${index + 1}`, type: 'none' as const, document });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.json(), policyArb.map((p) => JSON.stringify(p, null, 2))), { maxLength: 4 }),
        fc.option(policyArb.map((p) => JSON.stringify(p)), { nil: undefined }),
        actionArb,
        resourceArb,
        contextArb,
        (identityPolicies, permissionsBoundary, action, resource, context) => {
          const simulation = simulate({
            action,
            resource,
            identityPolicies: identityPolicies.map(source),
            permissionsBoundary: permissionsBoundary === undefined ? undefined : source(permissionsBoundary, 9),
            context,
          });
          expect(simulation.decision).toEqual(evaluate({ identityPolicies, permissionsBoundary, action, resource, context }));
          for (const statement of simulation.matchedStatements) {
            const lines = statement.source.document.split('\n');
            expect(lines[statement.start.line - 1]?.[statement.start.column - 1]).toBe('{');
            expect(lines[statement.end.line - 1]?.[statement.end.column - 1]).toBe('}');
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('validation never throws and answers undefined or a message', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.json(), fc.string(), policyArb.map((p) => JSON.stringify(p))),
        fc.constantFrom('trust' as const, 'identity' as const),
        (text, kind) => {
          const problem = checkPolicyDocument(text, kind);
          if (problem) expect(problem.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('wildcard matching agrees with an equivalent regular expression', () => {
    const toRegex = (pattern: string) =>
      new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
    fc.assert(
      fc.property(fc.stringMatching(/^[ab*?]{0,8}$/), fc.stringMatching(/^[ab]{0,10}$/), (pattern, subject) => {
        const glob = compileTemplate(pattern, { wildcards: true, variables: false, lowerCase: false }).fixed;
        expect(glob).toBeDefined();
        expect(globMatch(glob!, subject)).toBe(toRegex(pattern).test(subject));
      }),
      { numRuns: 500 },
    );
  });
});
