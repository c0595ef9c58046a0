import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { RoleDisplay } from '../model/role-display.ts';
import { RoleLink } from '../../../components/RouterLink.tsx';

/** The "IAM role" field: the role name linked to its page, "–" when none, or the empty-profile notice. */
export function IamRoleValue({ display, loading }: { display: RoleDisplay; loading?: boolean }) {
  switch (display.kind) {
    case 'none':
      return <>–</>;
    case 'role':
      return <RoleLink roleName={display.roleName} />;
    case 'empty-profile':
      return <StatusIndicator type="warning">No roles attached to instance profile: {display.profileName}</StatusIndicator>;
    case 'unknown':
      return loading ? (
        <StatusIndicator type="loading">Loading</StatusIndicator>
      ) : (
        <Box variant="span">
          Instance profile {display.profileName} <Box variant="small">(role unknown: the profile is not in IAM’s list)</Box>
        </Box>
      );
  }
}
