import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';

const INDICATORS: Record<string, { type: StatusIndicatorProps.Type; text: string }> = {
  pending: { type: 'pending', text: 'Pending' },
  running: { type: 'success', text: 'Running' },
  stopping: { type: 'in-progress', text: 'Stopping' },
  stopped: { type: 'stopped', text: 'Stopped' },
  'shutting-down': { type: 'in-progress', text: 'Shutting-down' },
  terminated: { type: 'stopped', text: 'Terminated' },
};

export function instanceStateText(state: string): string {
  return INDICATORS[state]?.text ?? state;
}

export function InstanceStateIndicator({ state }: { state: string }) {
  const indicator = INDICATORS[state] ?? { type: 'info' as const, text: state };
  return <StatusIndicator type={indicator.type}>{indicator.text}</StatusIndicator>;
}
