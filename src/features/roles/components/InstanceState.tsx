import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';

const STATES: Record<string, { type: StatusIndicatorProps.Type; text: string }> = {
  pending: { type: 'pending', text: 'Pending' },
  running: { type: 'success', text: 'Running' },
  stopping: { type: 'in-progress', text: 'Stopping' },
  stopped: { type: 'stopped', text: 'Stopped' },
  'shutting-down': { type: 'in-progress', text: 'Shutting-down' },
  terminated: { type: 'stopped', text: 'Terminated' },
};

export function InstanceState({ state }: { state: string }) {
  const shown = STATES[state] ?? { type: 'info' as const, text: state };
  return <StatusIndicator type={shown.type}>{shown.text}</StatusIndicator>;
}
