import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import Link, { type LinkProps } from '@cloudscape-design/components/link';

/** A Cloudscape link that navigates inside the single-page app (and still opens in a new tab with a modifier). */
export function RouterLink({ href, children, ariaLabel, variant }: { href: string; children: ReactNode; ariaLabel?: string; variant?: LinkProps.Variant }) {
  const navigate = useNavigate();
  return (
    <Link
      href={href}
      {...(ariaLabel ? { ariaLabel } : {})}
      {...(variant ? { variant } : {})}
      onFollow={(event) => {
        event.preventDefault();
        void navigate(href);
      }}
    >
      {children}
    </Link>
  );
}
