/** Instance types local EC2 knows, with what DescribeInstances reports about them. */
export interface InstanceTypeInfo {
  architecture: 'x86_64' | 'arm64';
  coreCount: number;
  threadsPerCore: number;
}

function x86(vcpus: number): InstanceTypeInfo {
  return { architecture: 'x86_64', coreCount: Math.max(1, vcpus / 2), threadsPerCore: vcpus === 1 ? 1 : 2 };
}
function arm(vcpus: number): InstanceTypeInfo {
  return { architecture: 'arm64', coreCount: vcpus, threadsPerCore: 1 };
}

const SIZES: Record<string, number> = { nano: 2, micro: 2, small: 2, medium: 2, large: 2, xlarge: 4, '2xlarge': 8, '4xlarge': 16 };
const BURSTABLE_SIZES = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'];
const FIXED_SIZES = ['large', 'xlarge', '2xlarge', '4xlarge'];

function family(name: string, sizes: string[], kind: (vcpus: number) => InstanceTypeInfo): [string, InstanceTypeInfo][] {
  return sizes.map((size) => [`${name}.${size}`, kind(SIZES[size]!)]);
}

export const INSTANCE_TYPES: ReadonlyMap<string, InstanceTypeInfo> = new Map([
  ['t2.micro', x86(1)],
  ['t2.small', x86(1)],
  ['t2.medium', x86(2)],
  ['m1.small', x86(1)],
  ...family('t3', BURSTABLE_SIZES, x86),
  ...family('t3a', BURSTABLE_SIZES, x86),
  ...family('t4g', BURSTABLE_SIZES, arm),
  ...family('m5', FIXED_SIZES, x86),
  ...family('m6i', FIXED_SIZES, x86),
  ...family('m6g', FIXED_SIZES, arm),
  ...family('m7g', FIXED_SIZES, arm),
  ...family('c5', FIXED_SIZES, x86),
  ...family('c6i', FIXED_SIZES, x86),
  ...family('c6g', FIXED_SIZES, arm),
  ...family('r5', FIXED_SIZES, x86),
  ...family('r6i', FIXED_SIZES, x86),
]);

/** What RunInstances launches when no InstanceType is given. */
export const DEFAULT_INSTANCE_TYPE = 'm1.small';
