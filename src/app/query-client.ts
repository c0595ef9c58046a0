import { QueryClient } from '@tanstack/react-query';
import { isExpiredCredentialsError } from '../aws/errors.ts';
import { invalidateCredentials } from '../session/session.ts';

/**
 * The SDK already retries throttling and 5xx answers five times, so queries retry only once, and only when the
 * credentials expired between being fetched and being used (they are renewed before the retry).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (failureCount >= 1 || !isExpiredCredentialsError(error)) return false;
          invalidateCredentials();
          return true;
        },
      },
      mutations: { retry: false },
    },
  });
}
