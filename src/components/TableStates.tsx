import Box from '@cloudscape-design/components/box';
import type { ReactNode } from 'react';

/** Empty-state body for Cloudscape tables. */
export function TableEmptyState({ title, description, action }: { title: string; description?: string; action?: ReactNode }) {
  return (
    <Box textAlign="center" color="inherit">
      <Box variant="strong" color="inherit">
        {title}
      </Box>
      {description ? (
        <Box variant="p" color="inherit" padding={{ bottom: 's' }}>
          {description}
        </Box>
      ) : null}
      {action}
    </Box>
  );
}
