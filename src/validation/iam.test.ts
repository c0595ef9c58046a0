import { describe, expect, it } from 'vitest';
import {
  ROLE_NAME_HINT,
  validateAccountId,
  validateDescription,
  validateExternalId,
  validateManagedPolicyCount,
  validateMaxSessionDuration,
  validatePath,
  validateRoleName,
  validateRoleNameAvailable,
  validateTagKey,
  validateTagCount,
  validateTagKeyAt,
  tagsAreValid,
  type TagRow,
  validateTagValue,
} from './iam';

describe('role name', () => {
  it('accepts 1–64 characters of [\\w+=,.@-]', () => {
    expect(validateRoleName('web-server_role+=,.@1')).toBeUndefined();
    expect(validateRoleName('a'.repeat(64))).toBeUndefined();
  });

  it('names the limit and the offending character', () => {
    expect(validateRoleName('')).toBe('Enter a role name.');
    expect(validateRoleName('a'.repeat(65))).toBe('The role name has 65 characters; it can have at most 64.');
    expect(validateRoleName('my role')).toBe(`The role name can't contain a space (character 3). ${ROLE_NAME_HINT}`);
    expect(validateRoleName('rôle')).toContain("'ô' (U+00F4)");
    expect(ROLE_NAME_HINT).toBe("Maximum 64 characters. Use alphanumeric and '+=,.@-_' characters.");
  });

  it('is taken regardless of case', () => {
    expect(validateRoleNameAvailable('ProdRole', ['other', 'PRODROLE'])).toBe(
      "A role named 'PRODROLE' already exists (role names are not case-sensitive). Choose another name.",
    );
    expect(validateRoleNameAvailable('ProdRole', ['other'])).toBeUndefined();
  });
});

describe('path, description, session duration', () => {
  it('checks the path', () => {
    expect(validatePath('/')).toBeUndefined();
    expect(validatePath('/iam-role-console/')).toBeUndefined();
    expect(validatePath('team')).toContain("start and end with '/'");
    expect(validatePath('/a b/')).toContain('a space');
    expect(validatePath(`/${'a'.repeat(511)}/`)).toContain('at most 512');
  });

  it('checks the description length and names a character IAM refuses', () => {
    expect(validateDescription('Allows EC2 instances to call AWS services on your behalf.')).toBeUndefined();
    expect(validateDescription('Zürich café ©')).toBeUndefined();
    expect(validateDescription('x'.repeat(1001))).toBe(
      'The description has 1001 characters; it can have at most 1000.',
    );
    expect(validateDescription('Costs 5 €')).toBe(
      "The description can't contain '€' (U+20AC) (character 9). Use letters, digits, punctuation and Latin-1 characters.",
    );
  });

  it('keeps the maximum session duration between 1 and 12 hours', () => {
    expect(validateMaxSessionDuration(3600)).toBeUndefined();
    expect(validateMaxSessionDuration(43200)).toBeUndefined();
    expect(validateMaxSessionDuration(3599)).toContain('between 3600 seconds (1 hour) and 43200 seconds (12 hours)');
    expect(validateMaxSessionDuration(43201)).toContain('you entered 43201');
  });
});

describe('tags', () => {
  /** Each row's key and value problems, as the tags editor shows them. */
  const problems = (tags: TagRow[]) => tags.map((tag, index) => ({ key: validateTagKeyAt(tags, index), value: validateTagValue(tag.value) }));

  it('accepts up to 50 valid tags, empty values included', () => {
    const tags = Array.from({ length: 50 }, (_, index) => ({
      key: `team:${index}`,
      value: index === 0 ? '' : 'Ünïcode value @ 1',
    }));
    expect(tagsAreValid(tags)).toBe(true);
    expect(validateTagCount(tags.length)).toBeUndefined();
  });

  it('reports per row, a repeated key on the later row', () => {
    const tags = [
      { key: 'Owner', value: 'alice' },
      { key: 'aws:createdBy', value: 'x' },
      { key: 'k'.repeat(129), value: 'v'.repeat(257) },
      { key: 'owner', value: 'bob' },
      { key: 'bad*key', value: 'bad#value' },
      { key: '', value: '' },
    ];
    expect(problems(tags)).toEqual([
      { key: undefined, value: undefined },
      { key: "Tag keys starting with 'aws:' are reserved for AWS.", value: undefined },
      { key: 'The tag key has 129 characters; it can have at most 128.', value: 'The tag value has 257 characters; it can have at most 256.' },
      { key: "Tag 4 repeats the key 'Owner' of tag 1 (tag keys are not case-sensitive). Each key can be used once.", value: undefined },
      {
        key: "The tag key can't contain '*' (U+002A) (character 4). Use letters, digits, spaces and _ . : / = + - @.",
        value: "The tag value can't contain '#' (U+0023) (character 4). Use letters, digits, spaces and _ . : / = + - @.",
      },
      { key: 'Enter a tag key.', value: undefined },
    ]);
    expect(tagsAreValid(tags)).toBe(false);
  });

  it('does not count an invalid earlier key as taken', () => {
    expect(validateTagKeyAt([{ key: 'aws:x', value: '' }, { key: 'AWS:X', value: '' }], 1)).toBe("Tag keys starting with 'aws:' are reserved for AWS.");
  });

  it('refuses more than 50 tags', () => {
    const tags = Array.from({ length: 51 }, (_, index) => ({ key: `k${index}`, value: '' }));
    expect(validateTagCount(tags.length)).toBe('A role can have at most 50 tags; you added 51. Remove 1.');
    expect(tagsAreValid(tags)).toBe(false);
  });
});

describe('policies, external ID, account ID', () => {
  it('limits managed policies to 10', () => {
    expect(validateManagedPolicyCount(10)).toBeUndefined();
    expect(validateManagedPolicyCount(11)).toBe(
      'A role can have at most 10 managed policies attached; you selected 11.',
    );
    expect(validateManagedPolicyCount(11, 20)).toBeUndefined();
  });

  it('checks the external ID format', () => {
    expect(validateExternalId('Partner:42/a=b')).toBeUndefined();
    expect(validateExternalId('x')).toContain('between 2 and 1224');
    expect(validateExternalId('x'.repeat(1225))).toContain('it has 1225');
    expect(validateExternalId('has space')).toContain('a space');
  });

  it('wants exactly 12 digits for an account ID', () => {
    expect(validateAccountId('111122223333')).toBeUndefined();
    expect(validateAccountId('11112222333')).toBe('An AWS account ID has exactly 12 digits; you entered 11.');
    expect(validateAccountId('1111-2222-3333')).toContain('without dashes');
  });
});

describe('tag lengths as AWS counts them', () => {
  it('counts characters outside the BMP once, as IAM does', () => {
    // U+20000 (a CJK letter, \p{L}) is two UTF-16 units: 128 of them are 128 characters, within IAM's limit.
    const wide = '\u{20000}'.repeat(128);
    expect(validateTagKey(wide)).toBeUndefined();
    expect(validateTagKey(`${wide}a`)).toMatch(/129 characters/);
    expect(validateTagValue('\u{20000}'.repeat(256))).toBeUndefined();
  });
});
