import type { ReactNode } from 'react';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import './sign-in.css';

/** Centered column for the sign-in pages (the console shell is not loaded before sign-in). */
export function SignInLayout({ children }: { children: ReactNode }) {
  return (
    <main className="sign-in-page">
      <div className="sign-in-column">
        <SpaceBetween size="l">
          <Box variant="h1" fontSize="heading-xl" textAlign="center" padding={{ top: 'xxl' }}>
            IAM Role Console
          </Box>
          {children}
        </SpaceBetween>
      </div>
    </main>
  );
}
