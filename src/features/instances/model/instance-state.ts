/** What the IAM-role actions allow in each instance state (AWS: attach/detach when running or stopped). */
export function roleChangeBlockedReason(state: string): string | undefined {
  switch (state) {
    case 'running':
    case 'stopped':
      return undefined;
    case 'pending':
      return 'The instance is starting (pending). You can change its IAM role once it is running.';
    case 'stopping':
      return 'The instance is stopping. You can change its IAM role once it is stopped.';
    case 'shutting-down':
      return 'The instance is shutting down: it is being terminated.';
    case 'terminated':
      return 'The instance is terminated: a terminated instance cannot get an IAM role.';
    default:
      return `The instance is ${state}: its IAM role can only be changed when it is running or stopped.`;
  }
}
