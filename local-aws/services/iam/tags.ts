import type { ConditionContext } from '../../iam-policy/types.ts';
import { IamMessages, invalidInput, limitExceeded } from './errors.ts';
import type { Tag } from './validation.ts';

const TAGS_PER_RESOURCE = 50;

/** How one kind of IAM resource treats its tag keys: TagX, UntagX and ListXTags follow it. */
export interface TagRules {
  /** InvalidInput when one request names a key twice. */
  checkNew(tags: readonly Tag[]): void;
  /** TagX: an existing key takes the new value and keeps its place; a new key goes last. */
  merge(existing: readonly Tag[], added: readonly Tag[]): Tag[];
  /** UntagX: keys that are not there are ignored. */
  remove(existing: readonly Tag[], keys: readonly string[]): Tag[];
  /** ListXTags' order. */
  listed(tags: readonly Tag[]): Tag[];
}

function tagRules(
  sameKeyAs: (key: string) => string,
  duplicateKeysMessage: string,
  listOrder: (a: Tag, b: Tag) => number,
): TagRules {
  return {
    checkNew(tags) {
      const seen = new Set<string>();
      for (const tag of tags) {
        const key = sameKeyAs(tag.Key);
        if (seen.has(key)) throw invalidInput(duplicateKeysMessage);
        seen.add(key);
      }
      for (const tag of tags)
        if (tag.Key.toLowerCase().startsWith('aws:')) throw invalidInput(IamMessages.reservedTagKey);
    },
    merge(existing, added) {
      const merged = existing.map((tag) => ({ ...tag }));
      for (const tag of added) {
        const index = merged.findIndex((candidate) => sameKeyAs(candidate.Key) === sameKeyAs(tag.Key));
        if (index >= 0) merged[index] = { Key: tag.Key, Value: tag.Value };
        else merged.push({ Key: tag.Key, Value: tag.Value });
      }
      if (merged.length > TAGS_PER_RESOURCE) throw limitExceeded(IamMessages.tagsPerResource(TAGS_PER_RESOURCE));
      return merged;
    },
    remove(existing, keys) {
      const removed = new Set(keys.map(sameKeyAs));
      return existing.filter((tag) => !removed.has(sameKeyAs(tag.Key)));
    },
    listed(tags) {
      return [...tags].sort(listOrder);
    },
  };
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Roles, users and instance profiles: keys are case-insensitive, and tagging with another case renames
 * the key (AWS answered TagRole somekey then Somekey with the one tag Somekey); lists are sorted by key.
 */
export const entityTags = tagRules(
  (key) => key.toLowerCase(),
  IamMessages.duplicateTagKeys,
  (a, b) => compareCodeUnits(a.Key, b.Key),
);

/**
 * Managed policies: keys are case-sensitive ("a" and "A" are two tags), and ListPolicyTags puts shorter
 * keys first (AWS listed abc, b, z, a as a, b, z, abc).
 */
export const policyTags = tagRules(
  (key) => key,
  IamMessages.duplicatePolicyTagKeys,
  (a, b) => a.Key.length - b.Key.length || compareCodeUnits(a.Key, b.Key),
);

/** aws:RequestTag/K and aws:TagKeys for requests that carry tags. */
export function requestTagConditions(tags: readonly Tag[] | undefined): ConditionContext {
  if (!tags || tags.length === 0) return {};
  const context: ConditionContext = { 'aws:TagKeys': tags.map((tag) => tag.Key) };
  for (const tag of tags) context[`aws:RequestTag/${tag.Key}`] = tag.Value;
  return context;
}

/** aws:ResourceTag/K for requests on an existing tagged resource. */
export function resourceTagConditions(tags: readonly Tag[] | undefined): ConditionContext {
  const context: ConditionContext = {};
  for (const tag of tags ?? []) context[`aws:ResourceTag/${tag.Key}`] = tag.Value;
  return context;
}
