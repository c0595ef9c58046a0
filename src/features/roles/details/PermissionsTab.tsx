import SpaceBetween from '@cloudscape-design/components/space-between';
import type { RoleDetails } from '../api/get-role.ts';
import { BoundarySection } from './BoundarySection.tsx';
import { InlinePoliciesSection } from './InlinePoliciesSection.tsx';
import { ManagedPoliciesSection } from './ManagedPoliciesSection.tsx';

export function PermissionsTab({ role }: { role: RoleDetails }) {
  return (
    <SpaceBetween size="l">
      <ManagedPoliciesSection roleName={role.name} />
      <InlinePoliciesSection roleName={role.name} />
      <BoundarySection roleName={role.name} {...(role.boundaryArn ? { boundaryArn: role.boundaryArn } : {})} />
    </SpaceBetween>
  );
}
