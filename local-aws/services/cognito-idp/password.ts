import { randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';

/** A user pool's password policy (CreateUserPool Policies.PasswordPolicy). */
export interface PasswordPolicy {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
  temporaryPasswordValidityDays: number;
}

/** What Cognito applies when a pool is created without a policy. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minimumLength: 8,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
  temporaryPasswordValidityDays: 7,
};

// The special characters Cognito counts as symbols (space counts too, when not leading or trailing).
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ');

/**
 * Returns Cognito's reason for refusing `password`, or undefined when the policy accepts it.
 * Cognito reports the first unmet rule, prefixed with "Password does not conform to policy: "
 * (the wording of RespondToAuthChallenge / AdminSetUserPassword; SignUp says "did not conform with").
 */
export function passwordPolicyViolation(password: string, policy: PasswordPolicy): string | undefined {
  const reason = firstUnmetRule(password, policy);
  return reason === undefined ? undefined : `Password does not conform to policy: ${reason}`;
}

function firstUnmetRule(password: string, policy: PasswordPolicy): string | undefined {
  if ([...password].length < policy.minimumLength) return 'Password not long enough';
  if (policy.requireLowercase && !/[a-z]/.test(password)) return 'Password must have lowercase characters';
  if (policy.requireUppercase && !/[A-Z]/.test(password)) return 'Password must have uppercase characters';
  if (policy.requireNumbers && !/[0-9]/.test(password)) return 'Password must have numeric characters';
  if (policy.requireSymbols && ![...password].some((ch) => SYMBOLS.has(ch))) return 'Password must have symbol characters';
  return undefined;
}

const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const PASSWORD_SYMBOLS = '^$*.[]{}()?!@#%&/,><:;|_~=+-';

/** A random temporary password that `policy` accepts (AdminCreateUser without TemporaryPassword). */
export function generateTemporaryPassword(policy: PasswordPolicy): string {
  const pick = (alphabet: string): string => alphabet[randomInt(alphabet.length)]!;
  const all = LOWER + UPPER + DIGITS + PASSWORD_SYMBOLS;
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(PASSWORD_SYMBOLS)];
  while (chars.length < Math.max(policy.minimumLength, 12)) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 32 } as const;

/** `scrypt$N$r$p$salt$hash` with base64 salt and hash. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, saltText, hashText] = stored.split('$');
  if (scheme !== 'scrypt' || !saltText || !hashText) return false;
  const expected = Buffer.from(hashText, 'base64');
  const actual = scryptSync(password, Buffer.from(saltText, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected);
}
