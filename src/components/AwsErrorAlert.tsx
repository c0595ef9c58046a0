import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { describeAwsError, type AwsCallContext } from '../aws/errors.ts';

/** Shows a failed AWS call in plain words, the missing permission when there is one, and a retry button. */
export function AwsErrorAlert({ error, context, onRetry }: { error: unknown; context?: AwsCallContext; onRetry?: () => void }) {
  const described = describeAwsError(error, context);
  return (
    <Alert
      type="error"
      header={described.title}
      action={onRetry && described.retryable !== false ? <Button onClick={onRetry}>Retry</Button> : undefined}
    >
      <SpaceBetween size="xs">
        <span>{described.message}</span>
        {described.missingPermission ? (
          <Box variant="small">
            Missing permission: <Box variant="code">{described.missingPermission.action}</Box>
            {described.missingPermission.resource ? (
              <>
                {' '}
                on <Box variant="code">{described.missingPermission.resource}</Box>
              </>
            ) : null}
          </Box>
        ) : null}
        <Box variant="small" color="text-body-secondary">
          AWS error code {described.code}
          {described.requestId ? `, request ID ${described.requestId}` : ''}
        </Box>
      </SpaceBetween>
    </Alert>
  );
}
