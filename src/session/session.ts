/**
 * The signed-in session: Cognito user-pool sign-in → identity-pool credentials → STS whoami.
 * Tokens and credentials live in this module's memory only. The refresh token (and username) are kept in
 * sessionStorage so that reloading the tab keeps the user signed in; closing the tab forgets them.
 * The SDK-based modules are loaded with import() so the sign-in page works without them (see prepareSignIn).
 */
import type { CognitoCredentialSession, UserPoolTokens } from '../aws/credentials.ts';
import { drafts } from './draft-store.ts';
import { readIdTokenClaims } from './id-token.ts';
import type { SignInOutcome } from '../aws/cognito.ts';

export interface SignedInUser {
  /** Cognito `sub`: what the user's kept drafts are bound to. */
  sub: string;
  username: string;
  groups: string[];
  /** "admin", "viewer", … — the console role the identity pool gave this user. */
  roleLabel: string;
  /** STS GetCallerIdentity */
  arn: string;
  accountId: string;
}

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-out'; reason?: 'signed-out' | 'expired' }
  | { status: 'signed-in'; user: SignedInUser };

export interface NewPasswordChallenge {
  username: string;
  session: string;
  requiredAttributes: string[];
}

const STORAGE_KEY = 'iam-role-console:session';

interface StoredSession {
  username: string;
  refreshToken: string;
}

let state: SessionState = readStoredSession() ? { status: 'restoring' } : { status: 'signed-out' };
let credentialSession: CognitoCredentialSession | undefined;
let challenge: NewPasswordChallenge | undefined;
const listeners = new Set<() => void>();
const clearedListeners = new Set<() => void>();

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function subscribeToSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSessionState(): SessionState {
  return state;
}

/** Registers work to do whenever the session ends (e.g. clearing the query cache). */
export function onSessionCleared(listener: () => void): () => void {
  clearedListeners.add(listener);
  return () => clearedListeners.delete(listener);
}

export function pendingNewPasswordChallenge(): NewPasswordChallenge | undefined {
  return challenge;
}

function readStoredSession(): StoredSession | undefined {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<StoredSession>;
    return typeof parsed.username === 'string' && typeof parsed.refreshToken === 'string'
      ? { username: parsed.username, refreshToken: parsed.refreshToken }
      : undefined;
  } catch {
    return undefined;
  }
}

function storeSession(stored: StoredSession | undefined): void {
  try {
    if (stored) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be unavailable (private mode); the session then simply does not survive a reload.
  }
}

/** "console-admin" → "admin"; falls back to the user's Cognito groups. */
export function roleLabelFrom(arn: string, groups: string[]): string {
  const assumedRole = /:assumed-role\/([^/]+)\//.exec(arn)?.[1];
  if (assumedRole) return assumedRole.replace(/^console-/, '');
  const group = groups[0];
  return group ? group.replace(/s$/, '') : 'user';
}

/** Exchanges user-pool tokens for AWS credentials, checks them with STS, and publishes the session. */
async function establish(tokens: UserPoolTokens): Promise<void> {
  const [cognito, clients, credentials] = await loadSignInCode(() =>
    Promise.all([import('../aws/cognito.ts'), import('../aws/clients.ts'), import('../aws/credentials.ts')]),
  );
  credentialSession?.end();
  const session = new credentials.CognitoCredentialSession(tokens, {
    refreshTokens: cognito.refreshUserPoolTokens,
    fetchCredentials: cognito.fetchIdentityCredentials,
    onSessionEnded: () => {
      if (credentialSession === session) clearLocalSession('expired');
    },
  });
  credentialSession = session;
  clients.setCredentialProvider(session.provider);
  clients.setCredentialsRejectedHandler(() => session.revalidate());
  try {
    await session.provider();
    const identity = await clients.getCallerIdentity();
    const claims = readIdTokenClaims(tokens.idToken);
    storeSession({ username: claims.username, refreshToken: tokens.refreshToken });
    drafts.signedIn(claims.sub);
    setState({
      status: 'signed-in',
      user: {
        sub: claims.sub,
        username: claims.username,
        groups: claims.groups,
        roleLabel: roleLabelFrom(identity.arn, claims.groups),
        arn: identity.arn,
        accountId: identity.account,
      },
    });
  } catch (error) {
    session.end();
    if (credentialSession === session) {
      credentialSession = undefined;
      clients.setCredentialProvider(undefined);
    }
    throw error;
  }
}

export type SignInResult = 'signed-in' | 'new-password-required';

/** A sign-in step's outcome: either Cognito asks for a new password (kept for the next step) or the session starts. */
async function settle(outcome: SignInOutcome): Promise<SignInResult> {
  if (outcome.kind === 'new-password-required') {
    challenge = { username: outcome.username, session: outcome.session, requiredAttributes: outcome.requiredAttributes };
    return 'new-password-required';
  }
  challenge = undefined;
  await establish(outcome.tokens);
  return 'signed-in';
}

/** The console's own code for signing in (the SDK chunks) did not arrive from its server. */
export class SignInCodeUnavailableError extends Error {
  override name = 'SignInCodeUnavailableError';
  constructor(cause: unknown) {
    super('The console could not load its sign-in code.', { cause });
  }
}

/** The SDK-based modules, loaded on demand; a failed load says so instead of looking like AWS being unreachable. */
async function loadSignInCode<Modules>(load: () => Promise<Modules>): Promise<Modules> {
  try {
    return await load();
  } catch (error) {
    throw new SignInCodeUnavailableError(error);
  }
}

/**
 * Starts fetching the SDK code a sign-in runs (Cognito, then STS), so pressing "Sign in" rarely waits for it. The
 * sign-in page calls it when the user starts typing; a failed fetch here is left to the submit, which imports again.
 */
export function prepareSignIn(): void {
  void import('../aws/cognito.ts').catch(() => undefined);
  void import('../aws/clients.ts').catch(() => undefined);
  void import('../aws/credentials.ts').catch(() => undefined);
}

export async function signIn(username: string, password: string): Promise<SignInResult> {
  const cognito = await loadSignInCode(() => import('../aws/cognito.ts'));
  return settle(await cognito.signInWithPassword(username, password));
}

export async function completeNewPassword(newPassword: string): Promise<SignInResult> {
  const current = challenge;
  if (!current) throw new Error('The new-password step has expired. Sign in again.');
  const cognito = await loadSignInCode(() => import('../aws/cognito.ts'));
  return settle(await cognito.answerNewPassword(current.username, current.session, newPassword));
}

/** On start-up: turns a refresh token kept in sessionStorage back into a session. */
export async function restoreSession(): Promise<void> {
  const stored = readStoredSession();
  if (!stored) {
    if (state.status === 'restoring') setState({ status: 'signed-out' });
    return;
  }
  try {
    const cognito = await import('../aws/cognito.ts');
    const tokens = await cognito.refreshUserPoolTokens(stored.refreshToken);
    await establish(tokens);
  } catch {
    storeSession(undefined);
    setState({ status: 'signed-out', reason: 'expired' });
  }
}

function clearLocalSession(reason: 'signed-out' | 'expired'): void {
  credentialSession?.end();
  credentialSession = undefined;
  challenge = undefined;
  storeSession(undefined);
  // A session that ended under the user keeps what they were typing for their next sign-in; signing out keeps nothing.
  if (reason === 'expired') drafts.sessionEnded();
  else drafts.clear();
  void import('../aws/clients.ts').then((clients) => {
    clients.setCredentialProvider(undefined);
    clients.setCredentialsRejectedHandler(undefined);
  });
  for (const listener of clearedListeners) listener();
  setState({ status: 'signed-out', reason });
}

/** GlobalSignOut (revokes the user's tokens everywhere), then forgets everything held in this tab. */
export async function signOut(): Promise<void> {
  const session = credentialSession;
  try {
    if (session) {
      const cognito = await import('../aws/cognito.ts');
      await cognito.globalSignOut(await session.accessToken());
    }
  } catch {
    // Signing out locally must succeed even when AWS is unreachable or the tokens are already revoked.
  } finally {
    clearLocalSession('signed-out');
  }
}

/** After an ExpiredToken answer: fetch new credentials before the retry. */
export function invalidateCredentials(): void {
  credentialSession?.invalidateCredentials();
}
