import type { AssociationStateName, InstanceStateName, TimedState } from './lifecycle.ts';

/**
 * What local EC2 keeps, and how it looks at the moment of a request. Dates are ISO-8601 strings; states are the
 * state entered and when (see lifecycle.ts).
 */

export interface Ec2Tag {
  key: string;
  value: string;
}

export interface InstanceRecord {
  instanceId: string;
  region: string;
  reservationId: string;
  ownerId: string;
  imageId: string;
  instanceType: string;
  architecture: 'x86_64' | 'arm64';
  coreCount: number;
  threadsPerCore: number;
  availabilityZone: string;
  subnetId: string;
  vpcId: string;
  securityGroupId: string;
  privateIpAddress: string;
  /** The public address the instance holds while running; a new one is drawn at each start. */
  publicIpAddress: string;
  rootVolumeId: string;
  keyName?: string;
  clientToken: string;
  amiLaunchIndex: number;
  /** First launch. With the id, the stable order of every listing and of pagination. */
  createdAt: string;
  /** Last start (AWS moves launchTime when a stopped instance starts). */
  launchTime: string;
  state: InstanceStateName;
  stateSince: string;
  /** "User initiated (YYYY-MM-DD hh:mm:ss GMT)" after a user stop or terminate; empty otherwise. */
  stateTransitionReason: string;
  tags: Ec2Tag[];
}

export type StoredAssociationState = 'associating' | 'associated' | 'disassociating';

export interface AssociationRecord {
  associationId: string;
  instanceId: string;
  region: string;
  profileArn: string;
  /** AIPA… id of the instance profile. */
  profileId: string;
  state: StoredAssociationState;
  stateSince: string;
  /** When the association was made (the API's `timestamp`). */
  timestamp: string;
}

/** An instance as it is at the moment of the request. */
export interface InstanceView {
  record: InstanceRecord;
  state: TimedState<InstanceStateName>;
  /** The profile EC2 shows for the instance (from its current association). */
  profile?: { arn: string; id: string };
  association?: AssociationView;
}

export interface AssociationView {
  record: AssociationRecord;
  state: TimedState<AssociationStateName>;
}

export interface ReservationView {
  reservationId: string;
  ownerId: string;
  instances: InstanceView[];
}

export interface StateChange {
  instanceId: string;
  previous: InstanceStateName;
  current: InstanceStateName;
}
