import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import Button, { type ButtonProps } from '@cloudscape-design/components/button';
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

/** The role's name linking to its page in the IAM part of the console. */
export function RoleLink({ roleName }: { roleName: string }) {
  return <RouterLink href={`/roles/${encodeURIComponent(roleName)}`}>{roleName}</RouterLink>;
}

/** A Cloudscape button that is a link inside the single-page app. */
export function RouterButton({ href, variant, children }: { href: string; variant?: ButtonProps.Variant; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Button
      {...(variant ? { variant } : {})}
      href={href}
      onFollow={(event) => {
        event.preventDefault();
        void navigate(href);
      }}
    >
      {children}
    </Button>
  );
}
