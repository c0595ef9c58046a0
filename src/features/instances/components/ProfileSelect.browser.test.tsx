import { useState } from 'react';
import FormField from '@cloudscape-design/components/form-field';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { Ec2RoleSummary } from '../api/list-ec2-roles.ts';
import { buildProfileDirectory, type InstanceProfileSummary } from '../api/list-instance-profiles.ts';
import type { ProfileChoice } from '../model/profile-choices.ts';
import { ProfileSelect } from './ProfileSelect.tsx';

const ACCOUNT = '123456789012';

function profile(name: string): InstanceProfileSummary {
  return {
    name,
    arn: `arn:aws:iam::${ACCOUNT}:instance-profile/${name}`,
    id: `AIPA-${name}`,
    path: '/',
    roleName: `${name}-role`,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/${name}-role`,
  };
}

const WEB = ['web-server', 'batch-worker', 'web-cache'].map(profile);
/** profile-0001 … profile-5000: zero-padded, so no name is the start of another. */
const MANY = Array.from({ length: 5000 }, (_, index) => profile(`profile-${String(index + 1).padStart(4, '0')}`));

interface HarnessProps {
  list: InstanceProfileSummary[];
  orphanRoles?: Ec2RoleSummary[];
  includeNoRole?: boolean;
}

/** The drop-down as the role dialogs use it: inside a FormField that names it, its choice kept by the caller. */
function RoleField({ list, orphanRoles = [], includeNoRole = false }: HarnessProps) {
  const [selected, setSelected] = useState<ProfileChoice | null>(null);
  return (
    <FormField label="IAM role" controlId="iam-role" description="Choose an instance profile.">
      <ProfileSelect
        controlId="iam-role"
        profiles={{ data: buildProfileDirectory(list), isPending: false, isError: false, refetch: () => undefined }}
        orphanRoles={orphanRoles}
        includeNoRole={includeNoRole}
        selected={selected}
        onChange={setSelected}
        disabled={false}
      />
    </FormField>
  );
}

const trigger = () => page.getByRole('button', { name: /^IAM role/ });
const filter = () => page.getByRole('combobox', { name: 'Find instance profiles' });
const listbox = () => page.getByRole('listbox', { name: 'Instance profiles' });
const option = (label: string) => page.getByRole('option', { name: new RegExp(`^${label}`) });

/** The text of the entry the filter's aria-activedescendant points at: what a screen reader announces as current. */
function highlightedText(): string | undefined {
  const id = filter().element().getAttribute('aria-activedescendant');
  return id ? (document.getElementById(id)?.textContent ?? undefined) : undefined;
}

async function expectHighlighted(label: string) {
  await expect.poll(highlightedText).toMatch(new RegExp(`^${label}`));
}

async function open() {
  await trigger().click();
  await expect.element(filter()).toHaveFocus();
}

describe('ProfileSelect', () => {
  it('opens on a click with the filter focused and every profile listed', async () => {
    await render(<RoleField list={WEB} />);
    await expect.element(trigger()).toHaveAttribute('aria-expanded', 'false');
    await expect.element(listbox()).not.toBeInTheDocument();

    await open();
    await expect.element(trigger()).toHaveAttribute('aria-expanded', 'true');
    await expect.element(listbox()).toBeVisible();
    await expect.poll(() => listbox().getByRole('option').all()).toHaveLength(3);
    await expect.element(option('batch-worker')).toHaveTextContent(`batch-workerRole: batch-worker-rolearn:aws:iam::${ACCOUNT}:instance-profile/batch-worker`);
  });

  it('filters as the user types, by name, role or ARN, and says how many match', async () => {
    await render(<RoleField list={WEB} />);
    await open();

    await userEvent.keyboard('web');
    await expect.element(option('web-server')).toBeVisible();
    await expect.element(option('web-cache')).toBeVisible();
    await expect.element(option('batch-worker')).not.toBeInTheDocument();
    await expect.element(page.getByRole('status')).toHaveTextContent('2 matches');

    await filter().fill('WORKER-ROLE');
    await expect.element(option('batch-worker')).toBeVisible();
    await expect.poll(() => listbox().getByRole('option').all()).toHaveLength(1);

    await filter().fill('nothing like it');
    await expect.element(listbox()).not.toBeInTheDocument();
    await expect.element(page.getByText('No matches')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filter' }).click();
    await expect.poll(() => listbox().getByRole('option').all()).toHaveLength(3);
  });

  it('moves the highlight with the arrow keys, Home and End, skipping roles EC2 cannot use', async () => {
    const orphan = { name: 'orphan-role', arn: `arn:aws:iam::${ACCOUNT}:role/orphan-role`, path: '/' };
    await render(<RoleField list={WEB} orphanRoles={[orphan]} />);
    await open();
    expect(highlightedText()).toBeUndefined();

    await userEvent.keyboard('{ArrowDown}');
    await expectHighlighted('batch-worker');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await expectHighlighted('web-server');
    // The role without an instance profile is listed last, disabled: the highlight stays on the last profile.
    await expect.element(option('orphan-role')).toHaveAttribute('aria-disabled', 'true');
    await userEvent.keyboard('{ArrowDown}');
    await expectHighlighted('web-server');
    await userEvent.keyboard('{ArrowUp}');
    await expectHighlighted('web-cache');

    await userEvent.keyboard('{Home}');
    await expectHighlighted('batch-worker');
    await userEvent.keyboard('{End}');
    await expectHighlighted('web-server');
  });

  it('chooses the highlighted profile with Enter, closes, and gives the focus back to the button', async () => {
    await render(<RoleField list={WEB} />);
    await open();
    await userEvent.keyboard('cache{ArrowDown}{Enter}');

    await expect.element(listbox()).not.toBeInTheDocument();
    await expect.element(trigger()).toHaveFocus();
    await expect.element(trigger()).toHaveAccessibleName(/^IAM role web-cache/);

    // Opening again highlights the current choice.
    await open();
    await expectHighlighted('web-cache');
  });

  it('closes on Escape without changing the choice', async () => {
    await render(<RoleField list={WEB} />);
    await open();
    await userEvent.keyboard('{ArrowDown}{Escape}');

    await expect.element(listbox()).not.toBeInTheDocument();
    await expect.element(trigger()).toHaveFocus();
    await expect.element(trigger()).toHaveAccessibleName(/Choose an IAM role/);
  });

  it('offers "No IAM role" first when the instance has a role to detach', async () => {
    await render(<RoleField list={WEB} includeNoRole />);
    await open();
    await expect.element(listbox().getByRole('option').first()).toHaveTextContent('No IAM roleDetach the current role from the instance');

    await userEvent.keyboard('{ArrowDown}');
    await expectHighlighted('No IAM role');
    await userEvent.keyboard('{Enter}');
    await expect.element(trigger()).toHaveAccessibleName(/^IAM role No IAM role/);
  });

  it('renders only a window of 5,000 profiles, and the highlighted one is always in it and in view', async () => {
    await render(<RoleField list={MANY} />);
    await open();
    // Counted before any query by name, which would have to name every rendered option.
    const rendered = () => listbox().getByRole('option').all();
    expect(rendered().length).toBeLessThan(30);
    await expect.element(option('profile-0001')).toBeInViewport();
    await expect.element(option('profile-0001')).toHaveAttribute('aria-setsize', '5000');

    await userEvent.keyboard('{End}');
    await expectHighlighted('profile-5000');
    await expect.element(option('profile-5000')).toBeInViewport();
    await expect.element(option('profile-0001')).not.toBeInTheDocument();
    expect(rendered().length).toBeLessThan(30);

    await userEvent.keyboard('{PageUp}{ArrowUp}');
    await expectHighlighted('profile-4993');
    await expect.element(option('profile-4993')).toBeInViewport();

    await userEvent.keyboard('{Home}');
    await expectHighlighted('profile-0001');
    await expect.element(option('profile-0001')).toBeInViewport();
    await userEvent.keyboard('{PageDown}{Enter}');
    await expect.element(trigger()).toHaveAccessibleName(/^IAM role profile-0007/);
  });
});
