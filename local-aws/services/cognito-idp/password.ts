import { randomBytes, randomInt, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

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

interface StoredHash {
  salt: Buffer;
  hash: Buffer;
  options: ScryptOptions;
}

/** `scrypt$N$r$p$salt$hash` with base64 salt and hash; undefined for anything else. */
function parseStoredHash(stored: string): StoredHash | undefined {
  const [scheme, n, r, p, saltText, hashText] = stored.split('$');
  if (scheme !== 'scrypt' || !saltText || !hashText) return undefined;
  return { salt: Buffer.from(saltText, 'base64'), hash: Buffer.from(hashText, 'base64'), options: { N: Number(n), r: Number(r), p: Number(p) } };
}

function formatStoredHash(salt: Buffer, hash: Buffer): string {
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

const NEW_HASH_OPTIONS: ScryptOptions = { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p };

/** Synchronous scrypt: it blocks the event loop for tens of milliseconds, so requests use PreparedPasswords. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return formatStoredHash(salt, scryptSync(password, salt, SCRYPT.keyLength, NEW_HASH_OPTIONS));
}

export function verifyPassword(password: string, stored: string): boolean {
  const parsed = parseStoredHash(stored);
  if (!parsed) return false;
  return timingSafeEqual(scryptSync(password, parsed.salt, parsed.hash.length, parsed.options), parsed.hash);
}

/** scrypt on libuv's thread pool: the event loop keeps serving other callers meanwhile. */
function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** What the user pool model needs to hash and check passwords; synchronous, as it runs inside the request's transaction. */
export interface PasswordHasher {
  hash(password: string): string;
  verify(password: string, stored: string): boolean;
}

/** Computes scrypt on the spot (the seed and model tests, where nothing else is waiting). */
export const SYNC_PASSWORD_HASHER: PasswordHasher = { hash: hashPassword, verify: verifyPassword };

/** The scrypt work a request will need: passwords it will store, and password/stored-hash pairs it will check. */
export interface PasswordWork {
  hash?: readonly string[];
  verify?: readonly { password: string; stored: string }[];
}

/**
 * Scrypt results computed ahead of the transaction, off the event loop (an operation's `prepare`), for the
 * model's synchronous calls to find. A call for anything that was not prepared (say the stored hash changed
 * in between) is computed synchronously, so answers never depend on what was prepared.
 */
export class PreparedPasswords implements PasswordHasher {
  private constructor(
    private readonly hashes: ReadonlyMap<string, string>,
    private readonly checks: ReadonlyMap<string, ReadonlyMap<string, boolean>>,
  ) {}

  static async prepare(work: PasswordWork): Promise<PreparedPasswords> {
    const hashes = new Map<string, string>();
    const checks = new Map<string, Map<string, boolean>>();
    await Promise.all([
      ...(work.hash ?? []).map(async (password) => {
        const salt = randomBytes(16);
        hashes.set(password, formatStoredHash(salt, await scryptAsync(password, salt, SCRYPT.keyLength, NEW_HASH_OPTIONS)));
      }),
      ...(work.verify ?? []).map(async ({ password, stored }) => {
        const parsed = parseStoredHash(stored);
        const matches = parsed !== undefined && timingSafeEqual(await scryptAsync(password, parsed.salt, parsed.hash.length, parsed.options), parsed.hash);
        const byPassword = checks.get(stored) ?? new Map<string, boolean>();
        byPassword.set(password, matches);
        checks.set(stored, byPassword);
      }),
    ]);
    return new PreparedPasswords(hashes, checks);
  }

  hash(password: string): string {
    return this.hashes.get(password) ?? hashPassword(password);
  }

  verify(password: string, stored: string): boolean {
    return this.checks.get(stored)?.get(password) ?? verifyPassword(password, stored);
  }
}
