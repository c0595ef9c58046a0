import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { FlashbarProps } from '@cloudscape-design/components/flashbar';
import { NotificationItemsContext, NotificationsContext, type NotificationInput, type Notifications } from './notifications-context.ts';

interface Entry extends NotificationInput {
  id: string;
}

interface NotificationsState {
  items: FlashbarProps.MessageDefinition[];
  api: Notifications;
}

const DEFAULT_AUTO_DISMISS_MS = 8000;
let sequence = 0;

function useNotificationsState(): NotificationsState {
  const [entries, setEntries] = useState<Entry[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: string) => {
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
    setEntries((current) => current.filter((entry) => entry.id !== id));
  }, []);

  const notify = useCallback(
    (input: NotificationInput) => {
      const id = input.id ?? `notification-${++sequence}`;
      setEntries((current) => [{ ...input, id }, ...current.filter((entry) => entry.id !== id)]);
      const previous = timers.current.get(id);
      if (previous) clearTimeout(previous);
      timers.current.delete(id);
      if (input.type === 'success' || input.type === 'info') {
        timers.current.set(
          id,
          setTimeout(() => dismiss(id), input.autoDismissMs ?? DEFAULT_AUTO_DISMISS_MS),
        );
      }
      return id;
    },
    [dismiss],
  );

  useEffect(() => {
    const active = timers.current;
    return () => {
      for (const timer of active.values()) clearTimeout(timer);
    };
  }, []);

  const api = useMemo<Notifications>(() => ({ notify, dismiss }), [notify, dismiss]);
  const items = useMemo<FlashbarProps.MessageDefinition[]>(
    () =>
      entries.map((entry) => ({
        id: entry.id,
        type: entry.type === 'in-progress' ? 'info' : entry.type,
        loading: entry.type === 'in-progress',
        header: entry.header,
        content: entry.content,
        action: entry.action,
        dismissible: entry.type !== 'in-progress',
        dismissLabel: 'Dismiss message',
        onDismiss: () => dismiss(entry.id),
      })),
    [entries, dismiss],
  );
  return { items, api };
}

/** Holds the console's notifications; the shell shows them with <NotificationsFlashbar /> in AppLayout. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { items, api } = useNotificationsState();
  return (
    <NotificationsContext.Provider value={api}>
      <NotificationItemsContext.Provider value={items}>{children}</NotificationItemsContext.Provider>
    </NotificationsContext.Provider>
  );
}
