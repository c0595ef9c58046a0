import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';

/** Shown instead of the console when the runtime configuration cannot be loaded. */
export function StartupError({ message }: { message: string }) {
  return (
    <Box padding="xxl">
      <Alert type="error" header="The console cannot start" action={<Button onClick={() => window.location.reload()}>Reload</Button>}>
        {message}
      </Alert>
    </Box>
  );
}
