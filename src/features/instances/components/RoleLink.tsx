import { useNavigate } from 'react-router';
import Link from '@cloudscape-design/components/link';

/** The role's name linking to its page in the IAM part of the console. */
export function RoleLink({ roleName }: { roleName: string }) {
  const navigate = useNavigate();
  const href = `/roles/${encodeURIComponent(roleName)}`;
  return (
    <Link
      href={href}
      onFollow={(event) => {
        event.preventDefault();
        void navigate(href);
      }}
    >
      {roleName}
    </Link>
  );
}
