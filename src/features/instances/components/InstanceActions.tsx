import ButtonDropdown, { type ButtonDropdownProps } from '@cloudscape-design/components/button-dropdown';
import type { InstanceSummary } from '../api/describe-instances.ts';
import { roleChangeBlockedReason } from '../model/instance-state.ts';

export type InstanceAction = 'modify-iam-role' | 'bulk-attach-iam-role';

/** The dialog's name, as today's EC2 console calls it (docs/design-notes.md). */
export const MODIFY_IAM_ROLE = 'Modify IAM role';

/** The menu item's id: Cloudscape wants ids unique across groups, and two items open the one dialog. */
const ACTION_OF_ITEM: Record<string, InstanceAction> = {
  'security-modify-iam-role': 'modify-iam-role',
  'instance-settings-modify-iam-role': 'modify-iam-role',
  'bulk-attach-iam-role': 'bulk-attach-iam-role',
};

function modifyDisabledReason(selected: InstanceSummary[]): string | undefined {
  if (selected.length === 0) return 'Select an instance first.';
  if (selected.length > 1) return 'Select one instance. To give several instances the same role, use "Attach IAM role to selected instances".';
  return roleChangeBlockedReason(selected[0]!.state);
}

function item(id: string, text: string, disabledReason: string | undefined): ButtonDropdownProps.Item {
  return { id, text, disabled: Boolean(disabledReason), ...(disabledReason ? { disabledReason } : {}) };
}

/**
 * Actions → Security → Modify IAM role, where today's EC2 console has it, and Actions → Instance settings →
 * Attach/Replace IAM role, where older guides send users: both open the one Modify IAM role dialog. Security also
 * holds the bulk attach. Disabled items say why.
 */
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
  const securityItems = [item('security-modify-iam-role', MODIFY_IAM_ROLE, modifyReason)];
  if (allowBulk) {
    securityItems.push(item('bulk-attach-iam-role', 'Attach IAM role to selected instances', selected.length < 2 ? 'Select two or more instances.' : undefined));
  }
  return (
    <ButtonDropdown
      items={[
        { id: 'instance-settings', text: 'Instance settings', items: [item('instance-settings-modify-iam-role', 'Attach/Replace IAM role', modifyReason)] },
        { id: 'security', text: 'Security', items: securityItems },
      ]}
      expandableGroups
      onItemClick={({ detail }) => {
        const action = ACTION_OF_ITEM[detail.id];
        if (action) onAction(action);
      }}
    >
      Actions
    </ButtonDropdown>
  );
}
