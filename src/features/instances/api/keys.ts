/**
 * Query keys of the instances feature. EC2 keys start with the region, so a region switch never shows another
 * region's data and one invalidation refreshes everything EC2 knows about a region.
 */
export const ec2Keys = {
  region: (region: string) => ['ec2', region] as const,
  instances: (region: string) => [...ec2Keys.region(region), 'instances'] as const,
  associations: (region: string) => [...ec2Keys.region(region), 'iam-instance-profile-associations'] as const,
};
