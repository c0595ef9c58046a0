/**
 * Which EC2 instances use a role, in every configured region, without describing every instance: per region,
 * DescribeIamInstanceProfileAssociations lists the active associations (instance → profile ARN); those whose
 * profile holds the role (from IAM's profile map) name the instances; one DescribeInstances by those IDs
 * then gives their names and states.
 */
import { queryOptions } from '@tanstack/react-query';
import { DescribeIamInstanceProfileAssociationsCommand, DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { ec2Client } from '../../../aws/clients.ts';
import { signalOption } from '../../../aws/iam-queries.ts';
import { roleInstanceKeys } from './keys.ts';

export interface InstanceUsingRole {
  region: string;
  instanceId: string;
  /** The Name tag ("" when none). */
  name: string;
  state: string;
  profileArn: string;
  profileName: string;
  associationId: string;
}

export interface InstancesUsingRoles {
  instances: InstanceUsingRole[];
  /** Regions EC2 could not answer for (the rest of the list is still right). */
  failures: { region: string; error: unknown }[];
}

interface ActiveAssociation {
  associationId: string;
  instanceId: string;
  profileArn: string;
}

async function activeAssociations(region: string, signal?: AbortSignal): Promise<ActiveAssociation[]> {
  const found: ActiveAssociation[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ec2Client(region).send(
      new DescribeIamInstanceProfileAssociationsCommand({
        Filters: [{ Name: 'state', Values: ['associating', 'associated'] }],
        MaxResults: 1000,
        ...(nextToken ? { NextToken: nextToken } : {}),
      }),
      signalOption(signal),
    );
    for (const association of page.IamInstanceProfileAssociations ?? []) {
      found.push({
        associationId: association.AssociationId ?? '',
        instanceId: association.InstanceId ?? '',
        profileArn: association.IamInstanceProfile?.Arn ?? '',
      });
    }
    nextToken = page.NextToken || undefined;
  } while (nextToken);
  return found;
}

/** DescribeInstances takes at most 1,000 IDs per call (and no MaxResults with IDs). */
const IDS_PER_CALL = 1000;

async function describeByIds(region: string, instanceIds: string[], signal?: AbortSignal): Promise<Map<string, { name: string; state: string }>> {
  const result = new Map<string, { name: string; state: string }>();
  for (let start = 0; start < instanceIds.length; start += IDS_PER_CALL) {
    let nextToken: string | undefined;
    do {
      const page = await ec2Client(region).send(
        new DescribeInstancesCommand({ InstanceIds: instanceIds.slice(start, start + IDS_PER_CALL), ...(nextToken ? { NextToken: nextToken } : {}) }),
        signalOption(signal),
      );
      for (const reservation of page.Reservations ?? []) {
        for (const instance of reservation.Instances ?? []) {
          result.set(instance.InstanceId ?? '', {
            name: instance.Tags?.find((tag) => tag.Key === 'Name')?.Value ?? '',
            state: instance.State?.Name ?? 'unknown',
          });
        }
      }
      nextToken = page.NextToken || undefined;
    } while (nextToken);
  }
  return result;
}

function profileNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

async function instancesInRegion(region: string, profileArns: ReadonlySet<string>, signal?: AbortSignal): Promise<InstanceUsingRole[]> {
  const associations = (await activeAssociations(region, signal)).filter((association) => profileArns.has(association.profileArn));
  if (associations.length === 0) return [];
  const details = await describeByIds(region, [...new Set(associations.map((association) => association.instanceId))], signal);
  return associations.map((association) => {
    const detail = details.get(association.instanceId);
    return {
      region,
      instanceId: association.instanceId,
      name: detail?.name ?? '',
      state: detail?.state ?? 'unknown',
      profileArn: association.profileArn,
      profileName: profileNameOf(association.profileArn),
      associationId: association.associationId,
    };
  });
}

export async function findInstancesUsingProfiles(profileArns: readonly string[], regions: readonly string[], signal?: AbortSignal): Promise<InstancesUsingRoles> {
  if (profileArns.length === 0) return { instances: [], failures: [] };
  const wanted = new Set(profileArns);
  const settled = await Promise.allSettled(regions.map((region) => instancesInRegion(region, wanted, signal)));
  const instances: InstanceUsingRole[] = [];
  const failures: InstancesUsingRoles['failures'] = [];
  settled.forEach((outcome, index) => {
    if (outcome.status === 'fulfilled') instances.push(...outcome.value);
    else failures.push({ region: regions[index]!, error: outcome.reason });
  });
  instances.sort((a, b) => a.region.localeCompare(b.region) || a.name.localeCompare(b.name) || a.instanceId.localeCompare(b.instanceId));
  return { instances, failures };
}

export const roleInstanceQueries = {
  /** Instances whose current profile is one of `profileArns` (the profiles holding the role). */
  usingProfiles: (profileArns: readonly string[], regions: readonly string[]) =>
    queryOptions({
      queryKey: roleInstanceKeys.of(profileArns, regions),
      queryFn: ({ signal }) => findInstancesUsingProfiles(profileArns, regions, signal),
    }),
};
