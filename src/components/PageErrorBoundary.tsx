import { Component, type ReactNode } from 'react';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';

interface State {
  error?: Error;
}

/** Keeps a crash (or a failed lazy chunk load after a redeploy) inside the page area, with a way out. */
export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // After a new deployment the old page chunks are gone: a reload fetches the new version.
    const outdated = /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(error.message);
    return (
      <Alert
        type="error"
        header={outdated ? 'A new version of the console is available' : 'This page failed to load'}
        action={<Button onClick={() => window.location.reload()}>Reload</Button>}
      >
        {outdated ? 'This page could not be loaded because the console was updated. Reload to continue.' : error.message}
      </Alert>
    );
  }
}
