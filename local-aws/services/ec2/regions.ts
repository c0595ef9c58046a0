import { createHash } from 'node:crypto';
import { REGIONS } from '../../config.ts';

/**
 * The regions and zones local EC2 serves, with each zone's default-VPC subnet.
 * Ids are derived from the names so that they stay the same across restarts and machines.
 */
export interface ZoneInfo {
  zoneName: string;
  /** AWS's account-independent zone id, e.g. use1-az1. */
  zoneId: string;
  regionName: string;
  subnetId: string;
  /** The subnet's /20 inside the default VPC's 172.31.0.0/16, as the third octet base. */
  subnetThirdOctet: number;
}

export interface RegionInfo {
  regionName: string;
  endpoint: string;
  vpcId: string;
  zones: ZoneInfo[];
}

const ZONE_ID_PREFIX: Record<string, string> = { 'us-east-1': 'use1', 'eu-west-1': 'euw1' };

function stableHex(seed: string): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, 17);
}

function buildRegion(regionName: string): RegionInfo {
  const prefix = ZONE_ID_PREFIX[regionName] ?? regionName.replace(/-/g, '');
  return {
    regionName,
    endpoint: `ec2.${regionName}.amazonaws.com`,
    vpcId: `vpc-${stableHex(`vpc:${regionName}`)}`,
    zones: ['a', 'b', 'c'].map((letter, index) => ({
      zoneName: `${regionName}${letter}`,
      zoneId: `${prefix}-az${index + 1}`,
      regionName,
      subnetId: `subnet-${stableHex(`subnet:${regionName}${letter}`)}`,
      subnetThirdOctet: index * 16,
    })),
  };
}

export const EC2_REGIONS: ReadonlyMap<string, RegionInfo> = new Map(REGIONS.map((name) => [name, buildRegion(name)]));

export function regionInfo(regionName: string): RegionInfo | undefined {
  return EC2_REGIONS.get(regionName);
}

export function zoneByName(regionName: string, zoneName: string): ZoneInfo | undefined {
  return regionInfo(regionName)?.zones.find((zone) => zone.zoneName === zoneName);
}

export function zoneBySubnet(regionName: string, subnetId: string): ZoneInfo | undefined {
  return regionInfo(regionName)?.zones.find((zone) => zone.subnetId === subnetId);
}
