import Box from '@cloudscape-design/components/box';
import Spinner from '@cloudscape-design/components/spinner';

export function FullPageSpinner({ label }: { label: string }) {
  return (
    <Box textAlign="center" padding={{ top: 'xxxl' }} color="text-body-secondary">
      <div role="status" aria-live="polite">
        <Spinner size="large" />
        <Box padding={{ top: 's' }} color="inherit">
          {label}
        </Box>
      </div>
    </Box>
  );
}
