/** Turns an edited tag list into IAM calls: UntagRole for keys that went away, TagRole for new or changed tags. */
export interface RoleTag {
  key: string;
  value: string;
}

export interface TagChanges {
  removeKeys: string[];
  put: RoleTag[];
}

/**
 * Role tag keys are case-insensitive in IAM but keep their case, so a key whose case changed is removed and
 * added again: the rename does not depend on how TagRole treats a differently-cased key (recorded AWS answers show it
 * taking the new spelling; older IAM kept the old one).
 */
export function diffTags(before: readonly RoleTag[], after: readonly RoleTag[]): TagChanges {
  const afterByLower = new Map(after.map((tag) => [tag.key.toLowerCase(), tag]));
  const beforeByLower = new Map(before.map((tag) => [tag.key.toLowerCase(), tag]));
  const removeKeys = before.filter((tag) => afterByLower.get(tag.key.toLowerCase())?.key !== tag.key).map((tag) => tag.key);
  const put = after.filter((tag) => {
    const old = beforeByLower.get(tag.key.toLowerCase());
    return !old || old.key !== tag.key || old.value !== tag.value;
  });
  return { removeKeys, put };
}
