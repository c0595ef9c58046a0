/**
 * What a user was typing when their session ended under them (GlobalSignOut elsewhere, a revoked or expired
 * refresh token), so that signing in again as the same user brings it back.
 *
 * Kept in this module's memory only: the console does not reload the page when a session ends (it routes to
 * /signin and back), so memory is enough, and nothing of it reaches sessionStorage, localStorage or a URL.
 * Pages put only form input here (role names, descriptions, tags, policy documents), never tokens or credentials.
 *
 * Life of a draft:
 * - a page saves its input under a key while it is open (`save`), and forgets it when left normally (`discard`);
 * - the session ends without the user signing out: every open draft is kept (`sessionEnded`), bound to the
 *   identity (Cognito `sub`) it was typed by;
 * - someone signs in: drafts of any other identity are dropped (`signedIn`); the same identity's page asks for
 *   its draft back (`restorable`), and its next `save` takes the kept draft's place;
 * - the user signs out: everything is dropped (`clear`).
 */
export interface DraftEntry {
  /** The identity (Cognito `sub`) the input belongs to. */
  owner: string;
  value: unknown;
  /** True once the session it was typed in has ended: only kept drafts are restored, and unmounting leaves them. */
  kept: boolean;
}

export class DraftStore {
  private readonly entries = new Map<string, DraftEntry>();

  /** A page's current input (replaces what was saved or kept under `key`). */
  save(key: string, owner: string, value: unknown): void {
    this.entries.set(key, { owner, value, kept: false });
  }

  /** The page was left while the session was alive (cancel, done, navigation): its input is not needed any more. */
  discard(key: string): void {
    if (this.entries.get(key)?.kept === false) this.entries.delete(key);
  }

  /** The session ended without a sign-out: keep every open page's input for the same user's next sign-in. */
  sessionEnded(): void {
    for (const [key, entry] of this.entries) this.entries.set(key, { ...entry, kept: true });
  }

  /** `owner` signed in: nobody else's input may be shown to them, so it is dropped. */
  signedIn(owner: string): void {
    for (const [key, entry] of [...this.entries]) if (entry.owner !== owner) this.entries.delete(key);
  }

  /** The input kept at `key` for `owner` across a session end, if any. Reading does not remove it. */
  restorable<T>(key: string, owner: string): T | undefined {
    const entry = this.entries.get(key);
    return entry?.kept && entry.owner === owner ? (entry.value as T) : undefined;
  }

  /** Explicit sign-out: nothing is kept. */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The console's one draft store; session.ts tells it about session changes, pages use it through use-draft.ts. */
export const drafts = new DraftStore();
