import { queryOptions } from '@tanstack/react-query';
import { DescribeInstancesCommand, type Instance } from '@aws-sdk/client-ec2';
import { ec2Client } from '../../../aws/clients.ts';
import { ec2Keys } from './keys.ts';

export type InstanceStateName = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

export interface InstanceTag {
  key: string;
  value: string;
}

export interface InstanceSummary {
  instanceId: string;
  /** The Name tag, "" when the instance has none (sorts and filters like the console). */
  name: string;
  state: InstanceStateName | 'unknown';
  instanceType: string;
  availabilityZone: string;
  publicIp?: string;
  privateIp?: string;
  publicDnsName?: string;
  privateDnsName?: string;
  launchedAt?: Date;
  imageId?: string;
  keyName?: string;
  vpcId?: string;
  subnetId?: string;
  platform: string;
  securityGroups: { id: string; name: string }[];
  /** EC2 reports the instance profile only as {Arn, Id}: the role name comes from IAM. */
  instanceProfileArn?: string;
  instanceProfileId?: string;
  tags: InstanceTag[];
}

const STATE_NAMES = new Set<string>(['pending', 'running', 'shutting-down', 'terminated', 'stopping', 'stopped']);

export function toInstanceSummary(instance: Instance): InstanceSummary {
  const tags = (instance.Tags ?? []).map((tag) => ({ key: tag.Key ?? '', value: tag.Value ?? '' }));
  const stateName = instance.State?.Name ?? '';
  return {
    instanceId: instance.InstanceId ?? '',
    name: tags.find((tag) => tag.key === 'Name')?.value ?? '',
    state: STATE_NAMES.has(stateName) ? (stateName as InstanceStateName) : 'unknown',
    instanceType: instance.InstanceType ?? '',
    availabilityZone: instance.Placement?.AvailabilityZone ?? '',
    ...(instance.PublicIpAddress ? { publicIp: instance.PublicIpAddress } : {}),
    ...(instance.PrivateIpAddress ? { privateIp: instance.PrivateIpAddress } : {}),
    ...(instance.PublicDnsName ? { publicDnsName: instance.PublicDnsName } : {}),
    ...(instance.PrivateDnsName ? { privateDnsName: instance.PrivateDnsName } : {}),
    ...(instance.LaunchTime ? { launchedAt: instance.LaunchTime } : {}),
    ...(instance.ImageId ? { imageId: instance.ImageId } : {}),
    ...(instance.KeyName ? { keyName: instance.KeyName } : {}),
    ...(instance.VpcId ? { vpcId: instance.VpcId } : {}),
    ...(instance.SubnetId ? { subnetId: instance.SubnetId } : {}),
    platform: instance.PlatformDetails ?? 'Linux/UNIX',
    securityGroups: (instance.SecurityGroups ?? []).map((group) => ({ id: group.GroupId ?? '', name: group.GroupName ?? '' })),
    ...(instance.IamInstanceProfile?.Arn ? { instanceProfileArn: instance.IamInstanceProfile.Arn } : {}),
    ...(instance.IamInstanceProfile?.Id ? { instanceProfileId: instance.IamInstanceProfile.Id } : {}),
    tags,
  };
}

function flatten(reservations: { Instances?: Instance[] }[] | undefined, into: InstanceSummary[]): void {
  for (const reservation of reservations ?? []) {
    for (const instance of reservation.Instances ?? []) into.push(toInstanceSummary(instance));
  }
}

/** DescribeInstances in one region, 1,000 per page (AWS's maximum), following NextToken to the end. */
export async function describeAllInstances(region: string, signal?: AbortSignal): Promise<InstanceSummary[]> {
  const instances: InstanceSummary[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ec2Client(region).send(new DescribeInstancesCommand({ MaxResults: 1000, ...(nextToken ? { NextToken: nextToken } : {}) }), {
      ...(signal ? { abortSignal: signal } : {}),
    });
    flatten(page.Reservations, instances);
    nextToken = page.NextToken || undefined;
  } while (nextToken);
  return instances;
}

/** One instance by ID (InstanceIds cannot be combined with MaxResults); undefined when EC2 no longer lists it. */
export async function describeInstance(region: string, instanceId: string, signal?: AbortSignal): Promise<InstanceSummary | undefined> {
  const page = await ec2Client(region).send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }), {
    ...(signal ? { abortSignal: signal } : {}),
  });
  const instances: InstanceSummary[] = [];
  flatten(page.Reservations, instances);
  return instances.find((instance) => instance.instanceId === instanceId);
}

const TRANSITIONAL = new Set<string>(['pending', 'stopping', 'shutting-down']);

/** While an instance is between states, the console polls, as the EC2 console does. */
export function isTransitional(state: string): boolean {
  return TRANSITIONAL.has(state);
}

export const instanceQueries = {
  list: (region: string) =>
    queryOptions({
      queryKey: [...ec2Keys.instances(region), 'list'] as const,
      queryFn: ({ signal }) => describeAllInstances(region, signal),
      refetchInterval: (query) => (query.state.data?.some((instance) => isTransitional(instance.state)) ? 5_000 : false),
    }),
  detail: (region: string, instanceId: string) =>
    queryOptions({
      queryKey: [...ec2Keys.instances(region), 'detail', instanceId] as const,
      queryFn: ({ signal }) => describeInstance(region, instanceId, signal),
      refetchInterval: (query) => (query.state.data && isTransitional(query.state.data.state) ? 3_000 : false),
    }),
};
