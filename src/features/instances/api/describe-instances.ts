import { infiniteQueryOptions, queryOptions, type InfiniteData, type QueryClient } from '@tanstack/react-query';
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

export interface InstancesPage {
  instances: InstanceSummary[];
  nextToken?: string;
}

/** One DescribeInstances page of the region: 1,000 instances (AWS's maximum) from `nextToken`. */
export async function describeInstancesPage(region: string, nextToken: string | undefined, signal?: AbortSignal): Promise<InstancesPage> {
  const page = await ec2Client(region).send(new DescribeInstancesCommand({ MaxResults: 1000, ...(nextToken ? { NextToken: nextToken } : {}) }), {
    ...(signal ? { abortSignal: signal } : {}),
  });
  const instances: InstanceSummary[] = [];
  flatten(page.Reservations, instances);
  return { instances, ...(page.NextToken ? { nextToken: page.NextToken } : {}) };
}

/** EC2 takes at most 200 values in one filter. */
const FILTER_VALUES_LIMIT = 200;

/**
 * The current state of the given instances, by the `instance-id` filter (an InstanceIds list would fail the whole call
 * if one of them is gone), 200 per call. Instances EC2 no longer lists are simply absent.
 */
export async function describeInstancesById(region: string, instanceIds: string[], signal?: AbortSignal): Promise<InstanceSummary[]> {
  const instances: InstanceSummary[] = [];
  for (let start = 0; start < instanceIds.length; start += FILTER_VALUES_LIMIT) {
    const filter = { Name: 'instance-id', Values: instanceIds.slice(start, start + FILTER_VALUES_LIMIT) };
    let nextToken: string | undefined;
    do {
      const page = await ec2Client(region).send(
        new DescribeInstancesCommand({ Filters: [filter], MaxResults: 1000, ...(nextToken ? { NextToken: nextToken } : {}) }),
        { ...(signal ? { abortSignal: signal } : {}) },
      );
      flatten(page.Reservations, instances);
      nextToken = page.NextToken || undefined;
    } while (nextToken);
  }
  return instances;
}

/**
 * The list's pages with `refreshed` instances put in place of what the pages held for `requestedIds`; a requested
 * instance EC2 no longer lists leaves the pages.
 */
export function patchInstancePages<PageParam>(
  data: InfiniteData<InstancesPage, PageParam>,
  requestedIds: readonly string[],
  refreshed: readonly InstanceSummary[],
): InfiniteData<InstancesPage, PageParam> {
  const requested = new Set(requestedIds);
  const byId = new Map(refreshed.map((instance) => [instance.instanceId, instance]));
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      instances: page.instances.flatMap((instance) => {
        if (!requested.has(instance.instanceId)) return [instance];
        const current = byId.get(instance.instanceId);
        return current ? [current] : [];
      }),
    })),
  };
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
  /**
   * The region's instances page by page, so the table shows the first 1,000 while the rest load (the table asks for
   * each next page as soon as the previous one is in). A refetch re-reads every page from the first. Instances
   * between states are followed by `transitions`, not by re-reading the list.
   */
  list: (region: string) =>
    infiniteQueryOptions({
      queryKey: [...ec2Keys.instances(region), 'list'] as const,
      queryFn: ({ pageParam, signal }) => describeInstancesPage(region, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (lastPage) => lastPage.nextToken,
    }),
  detail: (region: string, instanceId: string) =>
    queryOptions({
      queryKey: [...ec2Keys.instances(region), 'detail', instanceId] as const,
      queryFn: ({ signal }) => describeInstance(region, instanceId, signal),
      refetchInterval: (query) => (query.state.data && isTransitional(query.state.data.state) ? 3_000 : false),
    }),
};

/**
 * Asks for the region's first instances page now, when the user is on the way to the instances page: the request then
 * runs while the page's code loads instead of after it. The table's query picks up the same fetch.
 */
export function prefetchInstanceList(queryClient: QueryClient, region: string): void {
  void queryClient.prefetchInfiniteQuery(instanceQueries.list(region));
}
