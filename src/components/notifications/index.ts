export { NotificationsProvider } from './NotificationsProvider.tsx';
export { NotificationsFlashbar } from './NotificationsFlashbar.tsx';
export { useNotifications, type NotificationInput, type Notifications, type NotificationType } from './notifications-context.ts';
