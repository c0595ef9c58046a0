import { useSyncExternalStore } from 'react';
import { getSessionState, subscribeToSession, type SessionState } from './session.ts';

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeToSession, getSessionState);
}
