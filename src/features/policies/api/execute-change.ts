import type { PolicyChange } from '../model/changes.ts';
import { createDefaultPolicyVersion } from './create-policy-version.ts';
import { deletePolicy } from './delete-policy.ts';
import { deletePolicyVersion } from './delete-policy-version.ts';
import { detachPolicyFromEntity } from './detach-policy.ts';
import { setDefaultPolicyVersion } from './set-default-policy-version.ts';
import { tagPolicy, untagPolicy } from './tag-policy.ts';

/** Makes the IAM call of one planned change; returns the new version id for create-version. */
export async function executeChange(arn: string, change: PolicyChange): Promise<string | undefined> {
  switch (change.kind) {
    case 'detach':
      return detachPolicyFromEntity(arn, change.entity).then(() => undefined);
    case 'delete-version':
      return deletePolicyVersion(arn, change.versionId).then(() => undefined);
    case 'create-version':
      return createDefaultPolicyVersion(arn, change.document);
    case 'set-default':
      return setDefaultPolicyVersion(arn, change.versionId).then(() => undefined);
    case 'delete-policy':
      return deletePolicy(arn).then(() => undefined);
    case 'tag':
      return tagPolicy(arn, change.tags).then(() => undefined);
    case 'untag':
      return untagPolicy(arn, change.keys).then(() => undefined);
  }
}
