import { TagPolicyCommand, UntagPolicyCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import type { PolicyTag } from '../model/changes.ts';

export async function tagPolicy(arn: string, tags: readonly PolicyTag[]): Promise<void> {
  await iamClient().send(new TagPolicyCommand({ PolicyArn: arn, Tags: tags.map((tag) => ({ Key: tag.key, Value: tag.value })) }));
}

export async function untagPolicy(arn: string, keys: readonly string[]): Promise<void> {
  await iamClient().send(new UntagPolicyCommand({ PolicyArn: arn, TagKeys: [...keys] }));
}
