/** An EC2 instance-profile association as the instances feature uses it (SDK shapes stay in api/). */
export type AssociationState = 'associating' | 'associated' | 'disassociating' | 'disassociated';

export interface ProfileAssociation {
  associationId: string;
  instanceId: string;
  state: AssociationState;
  profileArn: string;
  profileId: string;
}

/** A reference to an instance profile as EC2 accepts it: the guide's CLI form uses the name. */
export interface ProfileRef {
  name: string;
  arn: string;
  roleName?: string;
}

/** The EC2 calls that change and read associations, injected so the flows can be tested without AWS. */
export interface AssociationOperations {
  associate(instanceId: string, profile: ProfileRef, signal?: AbortSignal): Promise<ProfileAssociation>;
  replace(associationId: string, profile: ProfileRef, signal?: AbortSignal): Promise<ProfileAssociation>;
  disassociate(associationId: string, signal?: AbortSignal): Promise<ProfileAssociation>;
  /** The association with this ID, undefined once EC2 no longer lists it. */
  describeAssociation(associationId: string, signal?: AbortSignal): Promise<ProfileAssociation | undefined>;
  /** Every association EC2 lists for the instance (any state), to reconcile a call whose reply was lost. */
  associationsOfInstance(instanceId: string, signal?: AbortSignal): Promise<ProfileAssociation[]>;
}

/** The association that counts for an instance: one being set up or in place, not one on its way out. */
export function activeAssociation(associations: readonly ProfileAssociation[]): ProfileAssociation | undefined {
  return associations.find((association) => association.state === 'associated' || association.state === 'associating');
}
