import type { ConditionContext } from '../../iam-policy/types.ts';
import { IamMessages, invalidInput, limitExceeded } from './errors.ts';
import type { Tag } from './validation.ts';

const TAGS_PER_RESOURCE = 50;

/** AWS's semantic tag rules after the length/pattern constraints: no duplicate keys (any case), no aws: keys. */
export function checkNewTags(tags: readonly Tag[]): void {
  const seen = new Set<string>();
  for (const tag of tags) {
    const key = tag.Key.toLowerCase();
    if (seen.has(key)) throw invalidInput(IamMessages.duplicateTagKeys);
    seen.add(key);
  }
  for (const tag of tags) if (tag.Key.toLowerCase().startsWith('aws:')) throw invalidInput(IamMessages.reservedTagKey);
}

/** TagX: an existing key (compared case-insensitively) keeps its place and takes the new value. */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const merged = existing.map((tag) => ({ ...tag }));
  for (const tag of added) {
    const current = merged.find((candidate) => candidate.Key.toLowerCase() === tag.Key.toLowerCase());
    if (current) current.Value = tag.Value;
    else merged.push({ Key: tag.Key, Value: tag.Value });
  }
  if (merged.length > TAGS_PER_RESOURCE) throw limitExceeded(IamMessages.tagsPerResource(TAGS_PER_RESOURCE));
  return merged;
}

export function removeTags(existing: readonly Tag[], keys: readonly string[]): Tag[] {
  const removed = new Set(keys.map((key) => key.toLowerCase()));
  return existing.filter((tag) => !removed.has(tag.Key.toLowerCase()));
}

export function sortedTags(tags: readonly Tag[]): Tag[] {
  return [...tags].sort((a, b) => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0));
}

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
