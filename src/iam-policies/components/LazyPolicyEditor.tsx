import { lazy, Suspense } from 'react';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { PolicyEditorProps } from './PolicyEditor.tsx';

// The editor pulls in the policy checks and the IAM action catalog; they load only when an editor is shown.
const PolicyEditor = lazy(() => import('./PolicyEditor.tsx'));

export function LazyPolicyEditor(props: PolicyEditorProps) {
  return (
    <Suspense fallback={<StatusIndicator type="loading">Loading the policy editor</StatusIndicator>}>
      <PolicyEditor {...props} />
    </Suspense>
  );
}

export type { PolicyEditorProps };
