/**
 * How a page makes its input survive a session that ends under it (see draft-store.ts):
 *
 *   const restored = useRestoredDraft<MyDraft>(key);              // once, before the page's own state
 *   const [value, setValue] = useState(() => restored?.value ?? empty);
 *   useKeptDraft(key, changed ? { value } : undefined);           // the current input, undefined while untouched
 *
 * `key` names the page (and the object edited, e.g. a policy ARN).
 */
import { useEffect, useState } from 'react';
import { drafts } from './draft-store.ts';
import { useSession } from './use-session.ts';

function useDraftOwner(): string | undefined {
  const session = useSession();
  return session.status === 'signed-in' && session.user.sub !== '' ? session.user.sub : undefined;
}

/** The input kept for the signed-in user when their previous session ended on this page; fixed for the page's lifetime. */
export function useRestoredDraft<T>(key: string): T | undefined {
  const owner = useDraftOwner();
  const [restored] = useState<T | undefined>(() => (owner ? drafts.restorable<T>(key, owner) : undefined));
  return restored;
}

/** Keeps `current` as this page's draft while it is open; leaving the page normally forgets it. */
export function useKeptDraft<T>(key: string, current: T | undefined): void {
  const owner = useDraftOwner();

  useEffect(() => {
    if (!owner) return;
    if (current === undefined) drafts.discard(key);
    else drafts.save(key, owner, current);
  }, [key, owner, current]);

  // A draft kept because the session ended stays: discard() only forgets drafts of a live session.
  useEffect(() => () => drafts.discard(key), [key]);
}
