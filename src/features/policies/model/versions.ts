/** AWS's rules for managed policy versions, used before calling IAM so the user can decide what to give up. */
export const MAX_POLICY_VERSIONS = 5;

export interface PolicyVersionSummary {
  versionId: string;
  isDefault: boolean;
  createdAt?: Date;
}

/** Version ids are "v<number>"; IAM never reuses a number, so the number orders versions by age. */
export function versionNumber(versionId: string): number {
  const match = /^v(\d+)$/.exec(versionId);
  return match ? Number(match[1]) : Number.NaN;
}

/** Oldest first by creation date, then by version number (dates of one second can tie). */
export function compareVersionAge(a: PolicyVersionSummary, b: PolicyVersionSummary): number {
  const byDate = (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0);
  if (byDate !== 0) return byDate;
  return versionNumber(a.versionId) - versionNumber(b.versionId);
}

/** The version the console offers to delete when a policy is at the limit: the oldest that is not the default. */
export function oldestNonDefaultVersion(versions: readonly PolicyVersionSummary[]): PolicyVersionSummary | undefined {
  return [...versions].filter((version) => !version.isDefault).sort(compareVersionAge)[0];
}

/** What saving a new version needs first: nothing, or deleting one version to stay within AWS's limit. */
export function versionToMakeRoomFor(versions: readonly PolicyVersionSummary[]): PolicyVersionSummary | undefined {
  if (versions.length < MAX_POLICY_VERSIONS) return undefined;
  return oldestNonDefaultVersion(versions);
}

/** Newest first, as IAM and the console list them. */
export function sortVersionsNewestFirst<T extends PolicyVersionSummary>(versions: readonly T[]): T[] {
  return [...versions].sort((a, b) => compareVersionAge(b, a));
}
