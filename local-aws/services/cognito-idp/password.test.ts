import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_POLICY, hashPassword, passwordPolicyViolation, PreparedPasswords, verifyPassword } from './password.ts';

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

describe('passwords prepared off the event loop', () => {
  it('hashes and checks what was prepared as the synchronous functions do', async () => {
    const stored = hashPassword('Admin-Passw0rd!');
    const prepared = await PreparedPasswords.prepare({
      hash: ['Chosen-Passw0rd!'],
      verify: [
        { password: 'Admin-Passw0rd!', stored },
        { password: 'wrong', stored },
        { password: 'Admin-Passw0rd!', stored: 'not-a-hash' },
      ],
    });
    expect(verifyPassword('Chosen-Passw0rd!', prepared.hash('Chosen-Passw0rd!'))).toBe(true);
    expect(prepared.verify('Admin-Passw0rd!', stored)).toBe(true);
    expect(prepared.verify('wrong', stored)).toBe(false);
    expect(prepared.verify('Admin-Passw0rd!', 'not-a-hash')).toBe(false);
  });

  it('computes what was not prepared (a hash that changed in between) on the spot', async () => {
    const prepared = await PreparedPasswords.prepare({ verify: [{ password: 'Old-Passw0rd!', stored: hashPassword('Old-Passw0rd!') }] });
    const changed = hashPassword('New-Passw0rd!');
    expect(prepared.verify('New-Passw0rd!', changed)).toBe(true);
    expect(prepared.verify('Old-Passw0rd!', changed)).toBe(false);
    expect(verifyPassword('Other-Passw0rd!', prepared.hash('Other-Passw0rd!'))).toBe(true);
  });
});
