import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_POLICY, hashPassword, passwordPolicyViolation, verifyPassword } from './password.ts';

describe('password policy', () => {
  it.each([
    ['Ab1!', 'Password does not conform to policy: Password not long enough'],
    ['ABCDEFG1!', 'Password does not conform to policy: Password must have lowercase characters'],
    ['abcdefg1!', 'Password does not conform to policy: Password must have uppercase characters'],
    ['Abcdefgh!', 'Password does not conform to policy: Password must have numeric characters'],
    ['Abcdefgh1', 'Password does not conform to policy: Password must have symbol characters'],
  ])('refuses %s with AWS text', (password, message) => {
    expect(passwordPolicyViolation(password, DEFAULT_PASSWORD_POLICY)).toBe(message);
  });

  it('accepts a password meeting every rule and honours a relaxed policy', () => {
    expect(passwordPolicyViolation('Admin-Passw0rd!', DEFAULT_PASSWORD_POLICY)).toBeUndefined();
    expect(passwordPolicyViolation('abcdef', { ...DEFAULT_PASSWORD_POLICY, minimumLength: 6, requireUppercase: false, requireNumbers: false, requireSymbols: false })).toBeUndefined();
  });
});

describe('password hashing', () => {
  it('verifies the right password only and salts every hash', () => {
    const hash = hashPassword('Admin-Passw0rd!');
    expect(hash.startsWith('scrypt$')).toBe(true);
    expect(hash).not.toContain('Admin-Passw0rd!');
    expect(verifyPassword('Admin-Passw0rd!', hash)).toBe(true);
    expect(verifyPassword('admin-passw0rd!', hash)).toBe(false);
    expect(hashPassword('Admin-Passw0rd!')).not.toBe(hash);
  });
});
