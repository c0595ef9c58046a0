import { describe, expect, it } from 'vitest';
import { openGate } from './model.ts';
import { at, caught, createRoleWithProfile, fixture, launch, recordingGate, T0 } from './test-support.ts';

const R = 'us-east-1';

function stateOf(f: ReturnType<typeof fixture>, id: string, ms: number, region = R): string {
  return f.ec2.getInstance(region, id, at(ms)).state.name;
}

describe('instance lifecycle (lazy, from timestamps)', () => {
  it('launches pending and becomes running after the pending delay', () => {
    const f = fixture();
    const reservation = f.ec2.runInstances(R, { imageId: 'ami-0abcdef1234567890', instanceType: 't3.micro', minCount: 2, maxCount: 2 }, T0, openGate);
    expect(reservation.reservationId).toMatch(/^r-[0-9a-f]{17}$/);
    expect(reservation.instances).toHaveLength(2);
    const id = reservation.instances[0]!.record.instanceId;
    expect(id).toMatch(/^i-[0-9a-f]{17}$/);
    expect(reservation.instances[0]!.state.name).toBe('pending');
    expect(stateOf(f, id, 1999)).toBe('pending');
    expect(stateOf(f, id, 2000)).toBe('running');
  });

  it('stops through stopping and starts again with a new launch time', () => {
    const f = fixture();
    const id = launch(f.ec2);
    const changes = f.ec2.stopInstances(R, [id], at(10_000), openGate);
    expect(changes).toEqual([{ instanceId: id, previous: 'running', current: 'stopping' }]);
    expect(stateOf(f, id, 12_999)).toBe('stopping');
    expect(stateOf(f, id, 13_000)).toBe('stopped');
    expect(f.ec2.getInstance(R, id, at(13_000)).record.stateTransitionReason).toBe('User initiated (2026-03-02 10:00:10 GMT)');
    // stopping a stopped instance changes nothing
    expect(f.ec2.stopInstances(R, [id], at(14_000), openGate)).toEqual([{ instanceId: id, previous: 'stopped', current: 'stopped' }]);
    expect(f.ec2.startInstances(R, [id], at(20_000), openGate)).toEqual([{ instanceId: id, previous: 'stopped', current: 'pending' }]);
    const view = f.ec2.getInstance(R, id, at(22_000));
    expect(view.state.name).toBe('running');
    expect(view.record.launchTime).toBe(at(20_000).toISOString());
  });

  it('terminates through shutting-down, stays listed for an hour, then is gone', () => {
    const f = fixture();
    const id = launch(f.ec2);
    expect(f.ec2.terminateInstances(R, [id], at(5000), openGate)).toEqual([{ instanceId: id, previous: 'running', current: 'shutting-down' }]);
    expect(stateOf(f, id, 7999)).toBe('shutting-down');
    expect(stateOf(f, id, 8000)).toBe('terminated');
    expect(stateOf(f, id, 8000 + 3_599_999)).toBe('terminated');
    const gone = caught(() => f.ec2.getInstance(R, id, at(8000 + 3_600_000)));
    expect(gone).toEqual({ code: 'InvalidInstanceID.NotFound', message: `The instance ID '${id}' does not exist`, status: 400 });
  });

  it('refuses to start a terminated instance and to stop a pending one', () => {
    const f = fixture();
    const id = launch(f.ec2);
    expect(caught(() => f.ec2.stopInstances(R, [id], at(100), openGate))).toMatchObject({
      code: 'IncorrectInstanceState',
      message: `This instance '${id}' is not in a state from which it can be stopped.`,
    });
    f.ec2.terminateInstances(R, [id], at(3000), openGate);
    expect(caught(() => f.ec2.startInstances(R, [id], at(10_000), openGate))).toMatchObject({
      code: 'IncorrectInstanceState',
      message: `The instance '${id}' is not in a state from which it can be started.`,
    });
  });

  it('honours shortened timings', () => {
    const f = fixture();
    f.ec2.timings = { ...f.ec2.timings, pendingMs: 10 };
    const id = launch(f.ec2);
    expect(stateOf(f, id, 10)).toBe('running');
  });
});

describe('instance ids', () => {
  it('answers malformed and unknown ids as AWS does (singular and plural)', () => {
    const f = fixture();
    launch(f.ec2);
    expect(caught(() => f.ec2.describeInstances(R, { instanceIds: ['xyz'] }, T0))).toEqual({
      code: 'InvalidInstanceID.Malformed',
      message: 'Invalid id: "xyz"',
      status: 400,
    });
    expect(caught(() => f.ec2.describeInstances(R, { instanceIds: ['i-0123456789abcdef0', 'i-0123456789abcdef1'] }, T0)).message).toBe(
      "The instance IDs 'i-0123456789abcdef0, i-0123456789abcdef1' do not exist",
    );
  });

  it('keeps regions apart', () => {
    const f = fixture();
    const id = launch(f.ec2, T0, 'eu-west-1');
    expect(f.ec2.getInstance('eu-west-1', id, T0).record.availabilityZone).toMatch(/^eu-west-1[abc]$/);
    expect(caught(() => f.ec2.getInstance(R, id, T0)).code).toBe('InvalidInstanceID.NotFound');
    expect(caught(() => f.ec2.describeInstances('ap-south-2', {}, T0))).toMatchObject({ code: 'AuthFailure', status: 401 });
  });
});

describe('DescribeInstances', () => {
  it('rejects instance ids together with MaxResults, and MaxResults out of 5–1000', () => {
    const f = fixture();
    const id = launch(f.ec2);
    expect(caught(() => f.ec2.describeInstances(R, { instanceIds: [id], maxResults: 5 }, T0))).toEqual({
      code: 'InvalidParameterCombination',
      message: 'The parameter instancesSet cannot be used with the parameter maxResults',
      status: 400,
    });
    expect(caught(() => f.ec2.describeInstances(R, { maxResults: 1 }, T0)).message).toBe(
      'Value ( 1 ) for parameter maxResults is invalid. Expecting a value greater than 5.',
    );
    expect(caught(() => f.ec2.describeInstances(R, { maxResults: 1001 }, T0)).code).toBe('InvalidParameterValue');
  });

  it('rejects unknown filter names', () => {
    const f = fixture();
    expect(caught(() => f.ec2.describeInstances(R, { filters: [{ name: 'colour', values: ['red'] }] }, T0))).toEqual({
      code: 'InvalidParameterValue',
      message: "The filter 'colour' is invalid",
      status: 400,
    });
  });

  it('filters by state, type, zone, tags (with wildcards) and profile', () => {
    const f = fixture();
    const web = launch(f.ec2, T0, R, { tags: [{ key: 'Name', value: 'web-1' }, { key: 'Team', value: 'web' }] });
    const api = launch(f.ec2, T0, R, { tags: [{ key: 'Name', value: 'api-1' }], instanceType: 'm5.large' });
    const { profileArn, profileId } = createRoleWithProfile(f.iam, 'WebServerRole');
    f.ec2.stopInstances(R, [api], at(5000), openGate);
    f.ec2.associateIamInstanceProfile(R, { instanceId: web, profile: { name: 'WebServerRole' } }, at(5000), openGate);
    const ids = (filters: { name: string; values: string[] }[]) =>
      f.ec2
        .describeInstances(R, { filters }, at(10_000))
        .items.flatMap((r) => r.instances.map((i) => i.record.instanceId))
        .sort();
    expect(ids([{ name: 'instance-state-name', values: ['stopped'] }])).toEqual([api]);
    expect(ids([{ name: 'instance-type', values: ['m5.*'] }])).toEqual([api]);
    expect(ids([{ name: 'tag:Name', values: ['web-?'] }])).toEqual([web]);
    expect(ids([{ name: 'tag-key', values: ['Team'] }])).toEqual([web]);
    expect(ids([{ name: 'tag-value', values: ['api-1', 'web'] }])).toEqual([api, web].sort());
    expect(ids([{ name: 'iam-instance-profile.arn', values: [profileArn] }])).toEqual([web]);
    expect(ids([{ name: 'iam-instance-profile.id', values: [profileId] }])).toEqual([web]);
    expect(ids([{ name: 'instance-id', values: [web, api] }, { name: 'instance-state-name', values: ['running'] }])).toEqual([web]);
    const zone = f.ec2.getInstance(R, web, T0).record.availabilityZone;
    expect(ids([{ name: 'availability-zone', values: [zone] }])).toContain(web);
  });

  it('pages in a stable order with an opaque NextToken', () => {
    const f = fixture();
    const launched = f.ec2.seedManyInstances(R, 23, T0);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = f.ec2.describeInstances(R, { maxResults: 5, nextToken: token }, T0);
      seen.push(...page.items.flatMap((r) => r.instances.map((i) => i.record.instanceId)));
      token = page.nextToken;
      if (token) expect(token).not.toContain('i-');
      pages++;
    } while (token);
    expect(pages).toBe(5);
    expect(seen).toEqual(launched);
    expect(caught(() => f.ec2.describeInstances(R, { maxResults: 5, nextToken: 'garbage' }, T0))).toMatchObject({
      code: 'InvalidPaginationToken',
    });
  });

  it('shows a public address only while running', () => {
    const f = fixture();
    const id = launch(f.ec2);
    f.ec2.stopInstances(R, [id], at(5000), openGate);
    const view = f.ec2.getInstance(R, id, at(5000));
    expect(view.state.name).toBe('stopping');
  });

  it('stays consistent when a request is rolled back after launching', () => {
    const f = fixture();
    launch(f.ec2);
    expect(() =>
      f.store.transaction(() => {
        launch(f.ec2);
        throw new Error('later failure');
      }),
    ).toThrow('later failure');
    expect(f.ec2.describeInstances(R, {}, T0).items.flatMap((r) => r.instances)).toHaveLength(1);
  });
});

describe('tags', () => {
  it('creates, overwrites and deletes tags with AWS semantics', () => {
    const f = fixture();
    const id = launch(f.ec2);
    f.ec2.createTags(R, [id], [{ key: 'Env', value: 'dev' }, { key: 'Owner', value: 'ana' }], T0, openGate);
    f.ec2.createTags(R, [id], [{ key: 'Env', value: 'prod' }], T0, openGate);
    expect(f.ec2.getInstance(R, id, T0).record.tags).toEqual([
      { key: 'Env', value: 'prod' },
      { key: 'Owner', value: 'ana' },
    ]);
    f.ec2.deleteTags(R, [id], [{ key: 'Env', value: 'dev' }], T0, openGate); // value differs: kept
    expect(f.ec2.getInstance(R, id, T0).record.tags).toHaveLength(2);
    f.ec2.deleteTags(R, [id], [{ key: 'Env' }], T0, openGate);
    expect(f.ec2.getInstance(R, id, T0).record.tags).toEqual([{ key: 'Owner', value: 'ana' }]);
    expect(caught(() => f.ec2.createTags(R, [id], [{ key: 'aws:x', value: '' }], T0, openGate)).code).toBe('InvalidParameterValue');
    const many = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: '' }));
    expect(caught(() => f.ec2.createTags(R, [id], many, T0, openGate)).code).toBe('TagLimitExceeded');
    expect(f.ec2.getInstance(R, id, T0).record.tags).toEqual([{ key: 'Owner', value: 'ana' }]);
  });

  it('counts tag lengths in characters (code points), not UTF-16 units', () => {
    const f = fixture();
    const id = launch(f.ec2);
    const longest = { key: '🔑'.repeat(128), value: '🌍'.repeat(256) };
    f.ec2.createTags(R, [id], [longest], T0, openGate);
    expect(f.ec2.getInstance(R, id, T0).record.tags).toEqual([longest]);
    expect(caught(() => f.ec2.createTags(R, [id], [{ key: '🔑'.repeat(129), value: '' }], T0, openGate)).message).toBe(
      'Tag key exceeds the maximum length of 128 characters',
    );
    expect(caught(() => f.ec2.createTags(R, [id], [{ key: 'k', value: '🌍'.repeat(257) }], T0, openGate)).message).toBe(
      'Tag value exceeds the maximum length of 256 characters',
    );
  });
});

describe('instance-profile associations', () => {
  function running() {
    const f = fixture();
    const id = launch(f.ec2);
    const web = createRoleWithProfile(f.iam, 'WebServerRole');
    const batch = createRoleWithProfile(f.iam, 'BatchWorkerRole');
    return { f, id, web, batch, ready: at(5000) };
  }

  it('associates (associating → associated) and DescribeInstances shows the AIPA profile id', () => {
    const { f, id, web, ready } = running();
    const gate = recordingGate();
    const association = f.ec2.associateIamInstanceProfile(R, { instanceId: id, profile: { name: 'WebServerRole' } }, ready, gate);
    expect(association.record.associationId).toMatch(/^iip-assoc-[0-9a-f]{17}$/);
    expect(association.state.name).toBe('associating');
    expect(association.record.profileId).toMatch(/^AIPA[A-Z2-7]{17}$/);
    expect(gate.checks).toEqual([
      { action: 'ec2:AssociateIamInstanceProfile', resource: `arn:aws:ec2:us-east-1:123456789012:instance/${id}` },
      { action: 'iam:PassRole', resource: web.roleArn, conditions: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
    ]);
    const later = f.ec2.describeIamInstanceProfileAssociations(R, { filters: [{ name: 'instance-id', values: [id] }] }, at(6500));
    expect(later.items.map((a) => a.state.name)).toEqual(['associated']);
    expect(f.ec2.getInstance(R, id, at(6500)).profile).toEqual({ arn: web.profileArn, id: web.profileId });
  });

  it('accepts the profile ARN as well as the name', () => {
    const { f, id, web, ready } = running();
    const association = f.ec2.associateIamInstanceProfile(R, { instanceId: id, profile: { arn: web.profileArn } }, ready, openGate);
    expect(association.record.profileArn).toBe(web.profileArn);
  });

  it('allows one association per instance', () => {
    const { f, id, ready } = running();
    f.ec2.associateIamInstanceProfile(R, { instanceId: id, profile: { name: 'WebServerRole' } }, ready, openGate);
    expect(caught(() => f.ec2.associateIamInstanceProfile(R, { instanceId: id, profile: { name: 'BatchWorkerRole' } }, at(9000), openGate))).toEqual({
      code: 'IncorrectState',
      message: `There is an existing association for instance ${id}`,
      status: 400,
    });
  });

  it('associates only running or stopped instances', () => {
    const { f, id, ready } = running();
    const pending = launch(f.ec2, ready);
    expect(caught(() => f.ec2.associateIamInstanceProfile(R, { instanceId: pending, profile: { name: 'WebServerRole' } }, ready, openGate))).toEqual({
      code: 'IncorrectInstanceState',
      message: `The instance '${pending}' is not in the 'running' or 'stopped' states.`,
      status: 400,
    });
    f.ec2.stopInstances(R, [id], ready, openGate);
    expect(caught(() => f.ec2.associateIamInstanceProfile(R, { instanceId: id, profile: { name: 'WebServerRole' } }, at(6000), openGate)).code).toBe(
      'IncorrectInstanceState',
    );
    const stopped = f.ec2.associateIamInstanceProfile(R, { instanceId: id, profile: { name: 'WebServerRole' } }, at(9000), openGate);
    expect(stopped.state.name).toBe('associating');
  });

  it('rejects unknown profiles by name and by ARN with AWS texts', () => {
    const { f, id, ready } = running();
    expect(caught(() => f.ec2.associateIamInstanceProfile(R, { instanceId: id, profile: { name: 'MatillionRole' } }, ready, openGate))).toEqual({
      code: 'InvalidParameterValue',
      message: 'Value (MatillionRole) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name',
      status: 400,
    });
    const arn = 'arn:aws:iam::123456789012:instance-profile/Nope';
    expect(caught(() => f.ec2.associateIamInstanceProfile(R, { instanceId: id, profile: { arn } }, ready, openGate)).message).toBe(
      `Value (${arn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN`,
    );
  });

  it('does not see a profile younger than the IAM propagation delay', () => {
    const f = fixture({ iamPropagationMs: 8000 });
    const id = launch(f.ec2);
    createRoleWithProfile(f.iam, 'FreshRole', at(10_000));
    expect(caught(() => f.ec2.associateIamInstanceProfile(R, { instanceId: id, profile: { name: 'FreshRole' } }, at(17_999), openGate)).message).toContain(
      'Invalid IAM Instance Profile name',
    );
    expect(f.ec2.associateIamInstanceProfile(R, { instanceId: id, profile: { name: 'FreshRole' } }, at(18_000), openGate).state.name).toBe('associating');
  });

  it('refuses a profile that holds no role', () => {
    const { f, id, ready } = running();
    const empty = f.iam.createInstanceProfile({ instanceProfileName: 'OrphanProfile' }, T0);
    expect(caught(() => f.ec2.associateIamInstanceProfile(R, { instanceId: id, profile: { name: 'OrphanProfile' } }, ready, openGate))).toEqual({
      code: 'InvalidParameterValue',
      message: `IAM Instance Profile "${empty.arn}" has no associated IAM Roles`,
      status: 400,
    });
  });

  it('changes nothing when authorization (or a dry run) stops the call', () => {
    const { f, id, ready } = running();
    const denied = caught(() =>
      f.ec2.associateIamInstanceProfile(R, { instanceId: id, profile: { name: 'WebServerRole' } }, ready, () => {
        throw Object.assign(new Error('denied'), { code: 'UnauthorizedOperation', status: 403 });
      }),
    );
    expect(denied.code).toBe('UnauthorizedOperation');
    expect(f.ec2.describeIamInstanceProfileAssociations(R, {}, ready).items).toEqual([]);
  });

  it('replaces with a NEW association id on a running instance; the old one ends', () => {
    const { f, id, batch, ready } = running();
    const first = f.ec2.associateIamInstanceProfile(R, { instanceId: id, profile: { name: 'WebServerRole' } }, ready, openGate);
    const second = f.ec2.replaceIamInstanceProfileAssociation(
      R,
      { associationId: first.record.associationId, profile: { name: 'BatchWorkerRole' } },
      at(8000),
      openGate,
    );
    expect(second.record.associationId).not.toBe(first.record.associationId);
    expect(second.state.name).toBe('associating');
    expect(f.ec2.getInstance(R, id, at(8000)).profile?.arn).toBe(batch.profileArn);
    const during = f.ec2.describeIamInstanceProfileAssociations(R, {}, at(8000)).items.map((a) => [a.record.associationId, a.state.name]);
    expect(during).toEqual([
      [first.record.associationId, 'disassociating'],
      [second.record.associationId, 'associating'],
    ]);
    const after = f.ec2.describeIamInstanceProfileAssociations(R, {}, at(10_000)).items.map((a) => [a.record.associationId, a.state.name]);
    expect(after).toEqual([[second.record.associationId, 'associated']]);
    expect(caught(() => f.ec2.disassociateIamInstanceProfile(R, { associationId: first.record.associationId }, at(10_000), openGate)).code).toBe(
      'InvalidAssociationID.NotFound',
    );
  });

  it('refuses to replace on a stopped instance ("not the active association")', () => {
    const { f, id, ready } = running();
    const first = f.ec2.associateIamInstanceProfile(R, { instanceId: id, profile: { name: 'WebServerRole' } }, ready, openGate);
    f.ec2.stopInstances(R, [id], at(6000), openGate);
    expect(
      caught(() =>
        f.ec2.replaceIamInstanceProfileAssociation(R, { associationId: first.record.associationId, profile: { name: 'BatchWorkerRole' } }, at(10_000), openGate),
      ),
    ).toEqual({ code: 'IncorrectState', message: `The association ${first.record.associationId} is not the active association`, status: 400 });
  });

  it('disassociates (disassociating → gone) and the instance loses its profile', () => {
    const { f, id, ready } = running();
    const first = f.ec2.associateIamInstanceProfile(R, { instanceId: id, profile: { name: 'WebServerRole' } }, ready, openGate);
    const ended = f.ec2.disassociateIamInstanceProfile(R, { associationId: first.record.associationId }, at(7000), openGate);
    expect(ended.state.name).toBe('disassociating');
    expect(ended.record.associationId).toBe(first.record.associationId);
    expect(f.ec2.getInstance(R, id, at(8499)).profile).toBeDefined();
    expect(f.ec2.getInstance(R, id, at(8500)).profile).toBeUndefined();
    expect(f.ec2.describeIamInstanceProfileAssociations(R, {}, at(8500)).items).toEqual([]);
    // and a new association may follow at once (the SPA's path for stopped instances)
    expect(f.ec2.associateIamInstanceProfile(R, { instanceId: id, profile: { name: 'BatchWorkerRole' } }, at(7001), openGate).state.name).toBe('associating');
  });

  it('answers malformed and unknown association ids', () => {
    const { f, id } = running();
    expect(caught(() => f.ec2.disassociateIamInstanceProfile(R, { associationId: id }, T0, openGate))).toEqual({
      code: 'InvalidParameterValue',
      message: 'Invalid value for associationId.',
      status: 400,
    });
    expect(caught(() => f.ec2.disassociateIamInstanceProfile(R, { associationId: 'iip-assoc-0123456789abcdef0' }, T0, openGate))).toEqual({
      code: 'InvalidAssociationID.NotFound',
      message: "The association ID 'iip-assoc-0123456789abcdef0' does not exist",
      status: 400,
    });
  });

  it('requires its parameters', () => {
    const { f, id } = running();
    expect(caught(() => f.ec2.associateIamInstanceProfile(R, { profile: { name: 'WebServerRole' } }, T0, openGate))).toEqual({
      code: 'MissingParameter',
      message: 'The request must contain the parameter InstanceId',
      status: 400,
    });
    expect(caught(() => f.ec2.associateIamInstanceProfile(R, { instanceId: id }, T0, openGate)).message).toBe(
      'The request must contain the parameter IamInstanceProfile',
    );
  });

  it('drops the association when the instance terminates, and launches with a profile as associated', () => {
    const { f, web } = running();
    const reservation = f.ec2.runInstances(
      R,
      { imageId: 'ami-0abcdef1234567890', minCount: 1, maxCount: 1, iamInstanceProfile: { name: 'WebServerRole' } },
      T0,
      openGate,
    );
    const id = reservation.instances[0]!.record.instanceId;
    expect(reservation.instances[0]!.profile).toEqual({ arn: web.profileArn, id: web.profileId });
    expect(f.ec2.describeIamInstanceProfileAssociations(R, { filters: [{ name: 'state', values: ['associated'] }] }, T0).items).toHaveLength(1);
    f.ec2.terminateInstances(R, [id], at(5000), openGate);
    expect(f.ec2.describeIamInstanceProfileAssociations(R, {}, at(5000)).items).toEqual([]);
  });

  it('pages associations and validates MaxResults and filters', () => {
    const { f } = running();
    const ids = f.ec2.seedManyInstances(R, 12, T0);
    ids.forEach((id, i) => f.ec2.associateIamInstanceProfile(R, { instanceId: id, profile: { name: 'WebServerRole' } }, at(i), openGate));
    const first = f.ec2.describeIamInstanceProfileAssociations(R, { maxResults: 5 }, at(100));
    expect(first.items).toHaveLength(5);
    const second = f.ec2.describeIamInstanceProfileAssociations(R, { maxResults: 5, nextToken: first.nextToken }, at(100));
    const third = f.ec2.describeIamInstanceProfileAssociations(R, { maxResults: 5, nextToken: second.nextToken }, at(100));
    expect(third.items).toHaveLength(2);
    expect(third.nextToken).toBeUndefined();
    expect(new Set([...first.items, ...second.items, ...third.items].map((a) => a.record.instanceId)).size).toBe(12);
    expect(caught(() => f.ec2.describeIamInstanceProfileAssociations(R, { maxResults: 3 }, T0)).code).toBe('InvalidParameterValue');
    expect(caught(() => f.ec2.describeIamInstanceProfileAssociations(R, { filters: [{ name: 'profile', values: ['x'] }] }, T0)).message).toBe(
      "The filter 'profile' is invalid",
    );
  });
});
