import ButtonDropdown, { type ButtonDropdownProps } from '@cloudscape-design/components/button-dropdown';
import type { InstanceSummary } from '../api/describe-instances.ts';
import { roleChangeBlockedReason } from '../model/instance-state.ts';

export type InstanceAction = 'modify-iam-role' | 'bulk-attach-iam-role';

function modifyDisabledReason(selected: InstanceSummary[]): string | undefined {
  if (selected.length === 0) return 'Select an instance first.';
  if (selected.length > 1) return 'Select one instance. To give several instances the same role, use "Attach IAM role to selected instances".';
  return roleChangeBlockedReason(selected[0]!.state);
}

/** Actions → Security → Modify IAM role (one instance) and the bulk attach, disabled with the reason. */
export function InstanceActions({
  selected,
  onAction,
  allowBulk = true,
}: {
  selected: InstanceSummary[];
  onAction: (action: InstanceAction) => void;
  allowBulk?: boolean;
}) {
  const modifyReason = modifyDisabledReason(selected);
  const securityItems: ButtonDropdownProps.Item[] = [
    { id: 'modify-iam-role', text: 'Modify IAM role', disabled: Boolean(modifyReason), ...(modifyReason ? { disabledReason: modifyReason } : {}) },
  ];
  if (allowBulk) {
    const bulkReason = selected.length < 2 ? 'Select two or more instances.' : undefined;
    securityItems.push({
      id: 'bulk-attach-iam-role',
      text: 'Attach IAM role to selected instances',
      disabled: Boolean(bulkReason),
      ...(bulkReason ? { disabledReason: bulkReason } : {}),
    });
  }
  return (
    <ButtonDropdown
      items={[{ id: 'security', text: 'Security', items: securityItems }]}
      expandableGroups
      onItemClick={({ detail }) => onAction(detail.id as InstanceAction)}
    >
      Actions
    </ButtonDropdown>
  );
}
