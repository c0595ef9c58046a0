import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { FlashbarProps } from '@cloudscape-design/components/flashbar';

export type NotificationType = 'success' | 'error' | 'warning' | 'info' | 'in-progress';

export interface NotificationInput {
  type: NotificationType;
  header?: ReactNode;
  content?: ReactNode;
  /** Give one to replace an earlier notification (e.g. progress → success). */
  id?: string;
  /** Success and info notifications disappear by themselves after this long (default 8 s). */
  autoDismissMs?: number;
  action?: ReactNode;
}

export interface Notifications {
  /** Shows a message at the top of the page; returns its id. */
  notify(notification: NotificationInput): string;
  dismiss(id: string): void;
}

export const NotificationsContext = createContext<Notifications | undefined>(undefined);

export function useNotifications(): Notifications {
  const context = useContext(NotificationsContext);
  if (!context) throw new Error('useNotifications() must be used inside <NotificationsProvider>');
  return context;
}

export const NotificationItemsContext = createContext<FlashbarProps.MessageDefinition[]>([]);
