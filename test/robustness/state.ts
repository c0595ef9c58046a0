/**
 * Snapshots of local AWS's store for "state unchanged" checks. Stored values are frozen and replaced (never edited)
 * on every write, so comparing keys and value identities finds any write, even one that put an equal value back.
 */
import { REGIONS } from '../../local-aws/config.ts';
import type { Store } from '../../local-aws/store/store.ts';

/** Every collection the models and the seed write (see the models' constructors). */
export const COLLECTIONS: readonly string[] = [
  'local',
  'credentials',
  'iam.roles',
  'iam.users',
  'iam.policies',
  'iam.policyVersions',
  'iam.policyUsage',
  'iam.instanceProfiles',
  ...REGIONS.flatMap((region) => [`ec2:${region}:instances`, `ec2:${region}:associations`]),
  'cognito-idp.pools',
  'cognito-idp.clients',
  'cognito-idp.groups',
  'cognito-idp.users',
  'cognito-idp.sessions',
  'cognito-idp.refresh-tokens',
  'cognito-idp.challenges',
  'cognito-identity.pools',
  'cognito-identity.identities',
  'cognito-identity.identity-index',
  'cognito-identity.issued-credentials',
];

export type StoreSnapshot = ReadonlyMap<string, ReadonlyMap<string, unknown>>;

export function snapshot(store: Store): StoreSnapshot {
  return new Map(COLLECTIONS.map((name) => [name, new Map(store.collection<unknown>(name).entries())]));
}

/** The first difference between two snapshots, or undefined when they hold the same entries. */
export function firstDifference(before: StoreSnapshot, after: StoreSnapshot): string | undefined {
  for (const [name, entries] of before) {
    const later = after.get(name)!;
    if (later.size !== entries.size) return `${name}: ${entries.size} entries before, ${later.size} after`;
    for (const [key, value] of entries) {
      if (!later.has(key)) return `${name}: ${key} was deleted`;
      if (!Object.is(later.get(key), value)) return `${name}: ${key} was rewritten`;
    }
  }
  return undefined;
}
