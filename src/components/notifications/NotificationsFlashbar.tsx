import { useContext } from 'react';
import Flashbar from '@cloudscape-design/components/flashbar';
import { NotificationItemsContext } from './notifications-context.ts';

export function NotificationsFlashbar() {
  const items = useContext(NotificationItemsContext);
  return <Flashbar items={items} stackItems={items.length > 2} />;
}
