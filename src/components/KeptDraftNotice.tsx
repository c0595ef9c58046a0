import { useState } from 'react';
import Alert from '@cloudscape-design/components/alert';

export const KEPT_DRAFT_MESSAGE = 'Your session ended. We kept what you had entered.';

/** Shown on a page whose input was brought back after the same user signed in again (see use-draft.ts). */
export function KeptDraftNotice({ visible }: { visible: boolean }) {
  const [dismissed, setDismissed] = useState(false);
  if (!visible || dismissed) return null;
  return (
    <Alert type="info" dismissible i18nStrings={{ dismissAriaLabel: 'Dismiss message' }} onDismiss={() => setDismissed(true)}>
      {KEPT_DRAFT_MESSAGE} Check it, then continue where you left off.
    </Alert>
  );
}
