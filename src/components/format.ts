const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Dates in the user's locale and time zone; "-" when AWS sent none. */
export function formatDateTime(value: Date | undefined): string {
  return value ? dateTime.format(value) : '-';
}
