import type { InstanceView } from './records.ts';

/** The DNS names AWS gives an instance in a default VPC, which depend on its state and region. */
export function dnsNames(view: InstanceView): { privateDnsName: string; dnsName: string } {
  const { record, state } = view;
  if (state.name === 'terminated') return { privateDnsName: '', dnsName: '' };
  const dashedPrivate = record.privateIpAddress.replace(/\./g, '-');
  const useEast = record.region === 'us-east-1';
  const privateDnsName = useEast ? `ip-${dashedPrivate}.ec2.internal` : `ip-${dashedPrivate}.${record.region}.compute.internal`;
  if (state.name !== 'running') return { privateDnsName, dnsName: '' };
  const dashedPublic = record.publicIpAddress.replace(/\./g, '-');
  const dnsName = useEast
    ? `ec2-${dashedPublic}.compute-1.amazonaws.com`
    : `ec2-${dashedPublic}.${record.region}.compute.amazonaws.com`;
  return { privateDnsName, dnsName };
}
