import { queryOptions } from '@tanstack/react-query';
import {
  paginateDescribeIamInstanceProfileAssociations,
  type DescribeIamInstanceProfileAssociationsCommandInput,
  type IamInstanceProfileAssociation,
} from '@aws-sdk/client-ec2';
import { ec2Client } from '../../../aws/clients.ts';
import { collectPages } from '../../../aws/paginate.ts';
import { awsErrorCode } from '../../../aws/errors.ts';
import { activeAssociation, type AssociationState, type ProfileAssociation } from '../model/association.ts';
import { ec2Keys } from './keys.ts';

export function toProfileAssociation(association: IamInstanceProfileAssociation): ProfileAssociation {
  return {
    associationId: association.AssociationId ?? '',
    instanceId: association.InstanceId ?? '',
    state: (association.State ?? 'associated') as AssociationState,
    profileArn: association.IamInstanceProfile?.Arn ?? '',
    profileId: association.IamInstanceProfile?.Id ?? '',
  };
}

async function describeAll(
  region: string,
  input: DescribeIamInstanceProfileAssociationsCommandInput,
  signal?: AbortSignal,
): Promise<ProfileAssociation[]> {
  const pages = paginateDescribeIamInstanceProfileAssociations(
    { client: ec2Client(region) },
    input,
    signal ? { abortSignal: signal } : {},
  );
  return (await collectPages(pages, (page) => page.IamInstanceProfileAssociations)).map(toProfileAssociation);
}

/** Associations of the given instances (filter instance-id, every page). */
export function describeAssociationsOfInstances(
  region: string,
  instanceIds: string[],
  signal?: AbortSignal,
): Promise<ProfileAssociation[]> {
  return describeAll(region, { Filters: [{ Name: 'instance-id', Values: instanceIds }], MaxResults: 1000 }, signal);
}

/** One association by ID; undefined once EC2 no longer lists it (a finished disassociation). */
export async function describeAssociationById(
  region: string,
  associationId: string,
  signal?: AbortSignal,
): Promise<ProfileAssociation | undefined> {
  try {
    const associations = await describeAll(region, { AssociationIds: [associationId] }, signal);
    return associations.find((association) => association.associationId === associationId);
  } catch (error) {
    // Asked by ID, EC2 answers a finished disassociation with NotFound rather than an empty list.
    if (awsErrorCode(error) === 'InvalidAssociationID.NotFound') return undefined;
    throw error;
  }
}

export const associationQueries = {
  /** The instance's current association, as the Modify IAM role dialog decides Associate / Replace / Disassociate. */
  ofInstance: (region: string, instanceId: string) =>
    queryOptions({
      queryKey: [...ec2Keys.associations(region), instanceId] as const,
      queryFn: async ({ signal }) =>
        activeAssociation(await describeAssociationsOfInstances(region, [instanceId], signal)) ?? null,
      staleTime: 0,
    }),
};
