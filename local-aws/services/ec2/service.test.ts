import { describe, expect, it } from 'vitest';
import { serializeEc2Success } from '../../protocols/ec2-query.ts';
import { decodeQueryInput } from '../../protocols/model/decode.ts';
import type { RequestContext } from '../../protocols/operation.ts';
import { createEc2Service } from './index.ts';
import { at, caught, createRoleWithProfile, fixture, T0 } from './test-support.ts';

function context(region: string, now: Date, authorized: string[] = []): RequestContext {
  return {
    requestId: 'req-1',
    service: 'ec2',
    region,
    now,
    caller: undefined,
    authorize: (action, resource, conditions) => {
      authorized.push(`${action} ${resource}${conditions ? ' ' + JSON.stringify(conditions) : ''}`);
    },
  };
}

function setup() {
  const f = fixture();
  const service = createEc2Service({ ec2: f.ec2, iam: f.iam });
  const call = (action: string, params: Record<string, string>, now = T0, region = 'us-east-1', authorized: string[] = []) =>
    service.operations[action]!.handle(decodeQueryInput(service.model, action, new Map(Object.entries(params))), context(region, now, authorized)) as Record<string, unknown>;
  return { ...f, service, call };
}

describe('EC2 handlers', () => {
  it('run → describe → associate with the wire element names', () => {
    const { call, iam } = setup();
    createRoleWithProfile(iam, 'MatillionRole');
    const run = call('RunInstances', {
      ImageId: 'ami-0abcdef1234567890',
      InstanceType: 't3.micro',
      MinCount: '1',
      MaxCount: '1',
      'TagSpecification.1.ResourceType': 'instance',
      'TagSpecification.1.Tag.1.Key': 'Name',
      'TagSpecification.1.Tag.1.Value': 'web-1',
    });
    const instance = (run.instancesSet as Record<string, unknown>[])[0]!;
    expect(instance.instanceState).toEqual({ code: 0, name: 'pending' });
    expect(instance.tagSet).toEqual([{ key: 'Name', value: 'web-1' }]);
    const id = instance.instanceId as string;

    // Described while pending, then running: the instance's XML is reused only while its state and profile hold.
    const whilePending = serializeEc2Success('DescribeInstances', call('DescribeInstances', { 'InstanceId.1': id }), 'req-0');
    expect(whilePending).toContain('<instanceState><code>0</code><name>pending</name></instanceState>');
    const described = call('DescribeInstances', { 'InstanceId.1': id }, at(3000));
    const xml = serializeEc2Success('DescribeInstances', described, 'req-1');
    expect(xml).toContain('<reservationSet><item><reservationId>r-');
    expect(xml).toContain(`<instancesSet><item><instanceId>${id}</instanceId>`);
    expect(xml).toContain('<instanceState><code>16</code><name>running</name></instanceState>');
    expect(xml).toMatch(/<ipAddress>\d+\.\d+\.\d+\.\d+<\/ipAddress>/);
    expect(xml).toMatch(/<privateDnsName>ip-172-31-\d+-\d+\.ec2\.internal<\/privateDnsName>/);

    const authorized: string[] = [];
    const associated = call('AssociateIamInstanceProfile', { InstanceId: id, 'IamInstanceProfile.Name': 'MatillionRole' }, at(3000), 'us-east-1', authorized);
    const association = associated.iamInstanceProfileAssociation as Record<string, unknown>;
    expect(association).toMatchObject({ instanceId: id, state: 'associating' });
    expect(association.associationId).toMatch(/^iip-assoc-[0-9a-f]{17}$/);
    expect(authorized).toEqual([
      `ec2:AssociateIamInstanceProfile arn:aws:ec2:us-east-1:123456789012:instance/${id}`,
      'iam:PassRole arn:aws:iam::123456789012:role/MatillionRole {"iam:PassedToService":"ec2.amazonaws.com"}',
    ]);
    const afterXml = serializeEc2Success('DescribeInstances', call('DescribeInstances', { 'Filter.1.Name': 'instance-id', 'Filter.1.Value.1': id }, at(5000)), 'r');
    expect(afterXml).toMatch(/<iamInstanceProfile><arn>arn:aws:iam::123456789012:instance-profile\/MatillionRole<\/arn><id>AIPA[A-Z2-7]{17}<\/id><\/iamInstanceProfile>/);
  });

  it('answers a dry run after authorization, and changes nothing', () => {
    const { call } = setup();
    const error = caught(() => call('RunInstances', { ImageId: 'ami-0abcdef1234567890', MinCount: '1', MaxCount: '1', DryRun: 'true' }));
    expect(error).toEqual({ code: 'DryRunOperation', message: 'Request would have succeeded, but DryRun flag is set.', status: 412 });
    expect(call('DescribeInstances', {}).reservationSet).toEqual([]);
  });

  it('builds UnauthorizedOperation with and without the encoded message', () => {
    const { service } = setup();
    const write = service.accessDenied(
      'User: arn:aws:iam::123456789012:user/bob is not authorized to perform: ec2:StopInstances on resource: arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0 because no identity-based policy allows the ec2:StopInstances action',
    );
    expect(write.status).toBe(403);
    expect(write.message).toMatch(
      /^You are not authorized to perform this operation\. User: .* action\. Encoded authorization failure message: [A-Za-z0-9_-]+$/,
    );
    const read = service.accessDenied(
      'User: arn:aws:iam::123456789012:user/bob is not authorized to perform: ec2:DescribeInstances because no identity-based policy allows the ec2:DescribeInstances action',
    );
    expect(read.message).not.toContain('Encoded');
  });

  it('describes regions and zones of the signing region', () => {
    const { call } = setup();
    expect(call('DescribeRegions', {}).regionInfo).toEqual([
      { regionName: 'us-east-1', regionEndpoint: 'ec2.us-east-1.amazonaws.com', optInStatus: 'opt-in-not-required' },
      { regionName: 'eu-west-1', regionEndpoint: 'ec2.eu-west-1.amazonaws.com', optInStatus: 'opt-in-not-required' },
    ]);
    const zones = call('DescribeAvailabilityZones', {}, T0, 'eu-west-1').availabilityZoneInfo as { zoneName: string; zoneId: string }[];
    expect(zones.map((z) => `${z.zoneName}/${z.zoneId}`)).toEqual(['eu-west-1a/euw1-az1', 'eu-west-1b/euw1-az2', 'eu-west-1c/euw1-az3']);
  });

  it('pages reservations by MaxResults, each once, serialization included', () => {
    const { ec2, call } = setup();
    ec2.seedManyInstances('us-east-1', 2_500, T0);
    const seen = new Set<string>();
    const pageSizes: number[] = [];
    let token: string | undefined;
    do {
      const output = call('DescribeInstances', token ? { MaxResults: '1000', NextToken: token } : { MaxResults: '1000' });
      const reservations = output.reservationSet as { reservationId: string }[];
      for (const reservation of reservations) seen.add(reservation.reservationId);
      const xml = serializeEc2Success('DescribeInstances', output, 'req');
      expect(xml.match(/<instanceId>i-/g)?.length).toBe(reservations.length);
      pageSizes.push(reservations.length);
      token = output.nextToken as string | undefined;
    } while (token);
    expect(pageSizes).toEqual([1000, 1000, 500]);
    expect(seen.size).toBe(2_500);
  });
});
