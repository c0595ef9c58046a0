import type { FilterField } from './filters.ts';
import { INSTANCE_STATE_CODES } from './lifecycle.ts';
import type { AssociationView, InstanceView } from './records.ts';
import { dnsNames } from './network.ts';

/** DescribeInstances filter names local EC2 supports (a subset of AWS's list, same meanings). */
const INSTANCE_FIELDS: Record<string, FilterField<InstanceView>> = {
  'instance-id': (v) => [v.record.instanceId],
  'instance-state-name': (v) => [v.state.name],
  'instance-state-code': (v) => [String(INSTANCE_STATE_CODES[v.state.name])],
  'instance-type': (v) => [v.record.instanceType],
  'availability-zone': (v) => [v.record.availabilityZone],
  'image-id': (v) => [v.record.imageId],
  'reservation-id': (v) => [v.record.reservationId],
  'owner-id': (v) => [v.record.ownerId],
  architecture: (v) => [v.record.architecture],
  'subnet-id': (v) => [v.state.name === 'terminated' ? undefined : v.record.subnetId],
  'vpc-id': (v) => [v.state.name === 'terminated' ? undefined : v.record.vpcId],
  'private-ip-address': (v) => [v.state.name === 'terminated' ? undefined : v.record.privateIpAddress],
  'ip-address': (v) => [v.state.name === 'running' ? v.record.publicIpAddress : undefined],
  'private-dns-name': (v) => [dnsNames(v).privateDnsName || undefined],
  'dns-name': (v) => [dnsNames(v).dnsName || undefined],
  'key-name': (v) => [v.record.keyName],
  'launch-time': (v) => [v.record.launchTime],
  'tag-key': (v) => v.record.tags.map((t) => t.key),
  'tag-value': (v) => v.record.tags.map((t) => t.value),
  'iam-instance-profile.arn': (v) => [v.profile?.arn],
  'iam-instance-profile.id': (v) => [v.profile?.id],
};

export function instanceFields(name: string): FilterField<InstanceView> | undefined {
  if (name.startsWith('tag:')) {
    const key = name.slice(4);
    return (v) => v.record.tags.filter((t) => t.key === key).map((t) => t.value);
  }
  return Object.hasOwn(INSTANCE_FIELDS, name) ? INSTANCE_FIELDS[name] : undefined;
}

const ASSOCIATION_FIELDS: Record<string, FilterField<AssociationView>> = {
  'instance-id': (v) => [v.record.instanceId],
  state: (v) => [v.state.name],
};

export function associationFields(name: string): FilterField<AssociationView> | undefined {
  return Object.hasOwn(ASSOCIATION_FIELDS, name) ? ASSOCIATION_FIELDS[name] : undefined;
}
