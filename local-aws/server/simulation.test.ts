/**
 * The policy simulator against the authorizer of real requests: for every case of the simulator's suite, a real
 * call by that principal is allowed exactly when the simulation says `allowed`, and denied with the explicit or
 * implicit reason the simulation names. And the console's viewer may simulate, which writes nothing.
 */
import type { SimulatePolicyResponse } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_ID } from '../config.ts';
import { AwsError } from '../protocols/aws-error.ts';
import type { Caller, RequestContext } from '../protocols/operation.ts';
import { createConsoleRole, CONSOLE_ROLE_PATH } from '../seed/console-roles.ts';
import { createIamService } from '../services/iam/index.ts';
import { IamModel } from '../services/iam/model.ts';
import { allowAll } from '../services/iam/records.ts';
import { addSimulationWorld, contextEntries, SIM_ROLE_ARN, SIMULATION_CASES } from '../services/iam/simulation-cases.ts';
import { simulatePolicies } from '../services/iam/simulation.ts';
import { openStore, type Collection, type Store } from '../store/store.ts';
import { RequestAuthorizer, type AuthorizationScope } from './authorize.ts';

const NOW = new Date('2026-12-01T00:00:00Z');

function callerFor(principalArn: string): Caller {
  const name = principalArn.slice(principalArn.lastIndexOf('/') + 1);
  const isRole = principalArn.includes(':role/');
  return {
    arn: isRole ? `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${name}/session` : principalArn,
    userId: isRole ? 'AROAEXAMPLEEXAMPLE001:session' : 'AIDAEXAMPLEEXAMPLE001',
    accountId: ACCOUNT_ID,
    accessKeyId: isRole ? 'ASIAEXAMPLE' : 'AKIAEXAMPLE',
    principalArn,
  };
}

function authorizerFor(iam: IamModel, principalArn: string): RequestAuthorizer {
  const service = createIamService({ iam });
  const scope: AuthorizationScope = { service, caller: callerFor(principalArn), region: 'us-east-1', now: NOW, sourceIp: '127.0.0.1' };
  return new RequestAuthorizer(iam, scope);
}

/** What a real call answers, in the simulator's words. */
function realDecision(authorize: RequestAuthorizer['authorize'], action: string, resource: string, context: Record<string, string | string[]>): string {
  try {
    authorize(action, resource, context);
    return 'allowed';
  } catch (error) {
    if (!(error instanceof AwsError) || error.code !== 'AccessDenied') throw error;
    if (error.message.includes(' with an explicit deny in ')) return 'explicitDeny';
    expect(error.message).toMatch(/ because no (identity-based policy|permissions boundary) allows the /);
    return 'implicitDeny';
  }
}

describe('a simulation and a real call agree', () => {
  const iam = new IamModel(openStore('memory'));
  addSimulationWorld(iam);

  it.each(SIMULATION_CASES)('$name', (testCase) => {
    const simulated = simulatePolicies(
      iam,
      {
        policySourceArn: testCase.principal,
        policyInputList: [],
        actionNames: [testCase.action],
        resourceArns: [testCase.resource],
        contextEntries: contextEntries(testCase.context),
        page: {},
      },
      allowAll,
    ).EvaluationResults?.[0]?.EvalDecision;
    const real = realDecision(authorizerFor(iam, testCase.principal).authorize, testCase.action, testCase.resource, testCase.context as Record<string, string>);
    expect(simulated).toBe(testCase.decision);
    expect(real).toBe(simulated);
  });
});

/** A store that counts the writes made through its collections. */
function countingStore(inner: Store): { store: Store; writes: () => number } {
  let writes = 0;
  const wrap = <T>(collection: Collection<T>): Collection<T> => ({
    get: (key) => collection.get(key),
    has: (key) => collection.has(key),
    values: () => collection.values(),
    entries: () => collection.entries(),
    get size() {
      return collection.size;
    },
    put: (key, value) => {
      writes++;
      collection.put(key, value);
    },
    delete: (key) => {
      writes++;
      return collection.delete(key);
    },
  });
  const store: Store = {
    collection: <T>(name: string) => wrap(inner.collection<T>(name)),
    transaction: (fn) => inner.transaction(fn),
    isNew: inner.isNew,
    close: () => inner.close(),
  };
  return { store, writes: () => writes };
}

describe("the console's viewer", () => {
  it('may run both simulations, and they write nothing', () => {
    const counting = countingStore(openStore('memory'));
    const iam = new IamModel(counting.store);
    addSimulationWorld(iam);
    createConsoleRole(iam, 'console-viewer', 'us-east-1:00000000-0000-0000-0000-000000000000', NOW);
    const viewerArn = `arn:aws:iam::${ACCOUNT_ID}:role${CONSOLE_ROLE_PATH}console-viewer`;
    const authorizer = authorizerFor(iam, viewerArn);
    const ctx: RequestContext = { requestId: 'r', service: 'iam', region: 'us-east-1', now: NOW, caller: callerFor(viewerArn), authorize: authorizer.authorize };
    const operations = createIamService({ iam }).operations;
    const before = counting.writes();

    const principal = operations.SimulatePrincipalPolicy!.handle(
      { PolicySourceArn: SIM_ROLE_ARN, ActionNames: ['iam:GetRole'] },
      ctx,
    ) as SimulatePolicyResponse;
    const custom = operations.SimulateCustomPolicy!.handle(
      { PolicyInputList: ['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}'], ActionNames: ['s3:GetObject'] },
      ctx,
    ) as SimulatePolicyResponse;

    expect(principal.EvaluationResults?.[0]?.EvalDecision).toBe('allowed');
    expect(custom.EvaluationResults?.[0]?.EvalDecision).toBe('allowed');
    expect(authorizer.called).toBe(true);
    expect(counting.writes()).toBe(before);
    // The counter does count: a write by the same model shows.
    iam.putRolePolicy('sim-app', 'extra', '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}');
    expect(counting.writes()).toBeGreaterThan(before);
  });
});
