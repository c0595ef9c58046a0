import { useEffect, useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { I18nProvider } from '@cloudscape-design/components/i18n';
import englishMessages from '@cloudscape-design/components/i18n/messages/all.en';
import { onSessionCleared } from '../session/session.ts';
import { createQueryClient } from './query-client.ts';
import { createConsoleRouter } from './router.tsx';
import { RuntimeConfigProvider } from '../config/runtime-config-context.tsx';
import type { RuntimeConfig } from '../config/runtime-config.ts';

export function App({ config }: { config: RuntimeConfig }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createConsoleRouter(queryClient, config));

  // Signing out (or the session ending) must leave no AWS data behind in memory.
  useEffect(() => onSessionCleared(() => queryClient.clear()), [queryClient]);

  return (
    // Cloudscape's English texts fill every label a component is not given (property filter operators and groups,
    // "Use: …" for free text, token editor, and so on).
    <I18nProvider locale="en" messages={[englishMessages]}>
      <RuntimeConfigProvider config={config}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </RuntimeConfigProvider>
    </I18nProvider>
  );
}
