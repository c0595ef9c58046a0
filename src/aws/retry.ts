/**
 * Shared SDK retry settings: the standard retry strategy with exponential backoff and jitter, five attempts,
 * so throttling and brief outages are absorbed before they reach the user.
 */
export const RETRY_SETTINGS = { maxAttempts: 5, retryMode: 'standard' } as const;
