import { ec2QueryStyle } from '../../protocols/ec2-query.ts';
import { xmlFragment, type XmlFragment } from '../../protocols/xml.ts';
import { INSTANCE_STATE_CODES, type InstanceStateName } from './lifecycle.ts';
import type { AssociationView, InstanceView, ReservationView, StateChange } from './records.ts';
import { dnsNames } from './network.ts';
import { regionInfo } from './regions.ts';

/**
 * ec2Query output shapes (botocore ec2 2016-11-15 locationNames). Field order follows AWS's
 * responses; undefined fields are left out, as AWS leaves them out.
 */

export function instanceState(name: InstanceStateName): { code: number; name: InstanceStateName } {
  return { code: INSTANCE_STATE_CODES[name], name };
}

function stateReason(view: InstanceView): { code: string; message: string } | undefined {
  switch (view.state.name) {
    case 'pending':
      return { code: 'pending', message: 'pending' };
    case 'stopping':
    case 'stopped':
    case 'shutting-down':
    case 'terminated':
      return { code: 'Client.UserInitiatedShutdown', message: 'Client.UserInitiatedShutdown: User initiated shutdown' };
    default:
      return undefined;
  }
}

export function instanceItem(view: InstanceView): Record<string, unknown> {
  const { record, state } = view;
  const terminated = state.name === 'terminated';
  const running = state.name === 'running';
  const { privateDnsName, dnsName } = dnsNames(view);
  return {
    instanceId: record.instanceId,
    imageId: record.imageId,
    instanceState: instanceState(state.name),
    privateDnsName,
    dnsName,
    reason: record.stateTransitionReason,
    keyName: record.keyName,
    amiLaunchIndex: record.amiLaunchIndex,
    productCodes: [],
    instanceType: record.instanceType,
    launchTime: record.launchTime,
    placement: { availabilityZone: record.availabilityZone, groupName: '', tenancy: 'default' },
    monitoring: { state: 'disabled' },
    subnetId: terminated ? undefined : record.subnetId,
    vpcId: terminated ? undefined : record.vpcId,
    privateIpAddress: terminated ? undefined : record.privateIpAddress,
    ipAddress: running ? record.publicIpAddress : undefined,
    sourceDestCheck: terminated ? undefined : true,
    groupSet: terminated ? [] : [{ groupId: record.securityGroupId, groupName: 'default' }],
    stateReason: stateReason(view),
    architecture: record.architecture,
    rootDeviceType: 'ebs',
    rootDeviceName: '/dev/xvda',
    blockDeviceMapping: terminated
      ? []
      : [
          {
            deviceName: '/dev/xvda',
            ebs: { volumeId: record.rootVolumeId, status: 'attached', attachTime: record.createdAt, deleteOnTermination: true },
          },
        ],
    virtualizationType: 'hvm',
    clientToken: record.clientToken,
    tagSet: record.tags.length > 0 ? record.tags.map((tag) => ({ key: tag.key, value: tag.value })) : undefined,
    hypervisor: 'xen',
    iamInstanceProfile: view.profile ? { arn: view.profile.arn, id: view.profile.id } : undefined,
    ebsOptimized: false,
    enaSupport: true,
    cpuOptions: { coreCount: record.coreCount, threadsPerCore: record.threadsPerCore },
    capacityReservationSpecification: { capacityReservationPreference: 'open' },
    hibernationOptions: { configured: false },
    metadataOptions: {
      state: 'applied',
      httpTokens: 'required',
      httpPutResponseHopLimit: 2,
      httpEndpoint: 'enabled',
      httpProtocolIpv6: 'disabled',
      instanceMetadataTags: 'disabled',
    },
    enclaveOptions: { enabled: false },
    platformDetails: 'Linux/UNIX',
    usageOperation: 'RunInstances',
    usageOperationUpdateTime: record.createdAt,
    privateDnsNameOptions: terminated
      ? undefined
      : { hostnameType: 'ip-name', enableResourceNameDnsARecord: false, enableResourceNameDnsAAAARecord: false },
    maintenanceOptions: { autoRecovery: 'default' },
  };
}

interface WrittenInstance {
  stateName: InstanceStateName;
  profileArn: string | undefined;
  profileId: string | undefined;
  fragment: XmlFragment;
}

/**
 * An instance's XML depends only on its stored record (frozen, replaced on every change), its state now and its
 * instance profile, so it is written once per such combination and reused by later DescribeInstances pages.
 */
const writtenInstances = new WeakMap<InstanceView['record'], WrittenInstance>();

function instanceXml(view: InstanceView): XmlFragment {
  const written = writtenInstances.get(view.record);
  if (written && written.stateName === view.state.name && written.profileArn === view.profile?.arn && written.profileId === view.profile?.id) {
    return written.fragment;
  }
  const fragment = xmlFragment(instanceItem(view), ec2QueryStyle);
  writtenInstances.set(view.record, { stateName: view.state.name, profileArn: view.profile?.arn, profileId: view.profile?.id, fragment });
  return fragment;
}

function reservationWith(reservation: ReservationView, writeInstance: (view: InstanceView) => unknown): Record<string, unknown> {
  return {
    reservationId: reservation.reservationId,
    ownerId: reservation.ownerId,
    groupSet: [],
    instancesSet: reservation.instances.map(writeInstance),
  };
}

/** A reservation as RunInstances answers it. */
export function reservationItem(reservation: ReservationView): Record<string, unknown> {
  return reservationWith(reservation, instanceItem);
}

/** A DescribeInstances reservation: each instance's XML is reused while it is unchanged. */
export function describedReservationItem(reservation: ReservationView): Record<string, unknown> {
  return reservationWith(reservation, instanceXml);
}

export function stateChangeItem(change: StateChange): Record<string, unknown> {
  return {
    currentState: instanceState(change.current),
    instanceId: change.instanceId,
    previousState: instanceState(change.previous),
  };
}

export function associationItem(view: AssociationView): Record<string, unknown> {
  return {
    associationId: view.record.associationId,
    instanceId: view.record.instanceId,
    iamInstanceProfile: { arn: view.record.profileArn, id: view.record.profileId },
    state: view.state.name,
    timestamp: view.record.timestamp,
  };
}

export function regionItem(regionName: string): Record<string, unknown> {
  return { regionName, regionEndpoint: regionInfo(regionName)!.endpoint, optInStatus: 'opt-in-not-required' };
}
