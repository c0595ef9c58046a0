import { useNavigate } from 'react-router';
import TopNavigation, { type TopNavigationProps } from '@cloudscape-design/components/top-navigation';
import { useRuntimeConfig } from '../../config/runtime-config-context.tsx';
import { updatePreferences, usePreferences } from '../../config/preferences.ts';
import { useSelectedRegion } from '../../config/region.ts';
import { signOut } from '../../session/session.ts';
import { useSession } from '../../session/use-session.ts';

export function ConsoleTopNavigation() {
  const config = useRuntimeConfig();
  const session = useSession();
  const preferences = usePreferences();
  const [region, setRegion] = useSelectedRegion();
  const navigate = useNavigate();
  const user = session.status === 'signed-in' ? session.user : undefined;
  const accountId = user?.accountId ?? config.accountId ?? 'unknown';

  const utilities: TopNavigationProps.Utility[] = [
    {
      type: 'menu-dropdown',
      text: region,
      title: 'Region',
      ariaLabel: `Region: ${region}`,
      description: 'EC2 pages show this region. IAM is global.',
      iconName: 'globe',
      items: config.regions.map((name) => ({ id: `region:${name}`, text: name, ...(name === region ? { iconName: 'check' as const } : {}) })),
      onItemClick: ({ detail }) => {
        if (detail.id.startsWith('region:')) setRegion(detail.id.slice('region:'.length));
      },
    },
    {
      type: 'menu-dropdown',
      iconName: 'settings',
      ariaLabel: 'Display preferences',
      title: 'Display preferences',
      items: [
        {
          id: 'mode',
          text: 'Visual mode',
          items: [
            { id: 'mode:light', text: 'Light', itemType: 'checkbox', checked: preferences.visualMode === 'light' },
            { id: 'mode:dark', text: 'Dark', itemType: 'checkbox', checked: preferences.visualMode === 'dark' },
          ],
        },
        {
          id: 'density',
          text: 'Density',
          items: [
            { id: 'density:comfortable', text: 'Comfortable', itemType: 'checkbox', checked: preferences.density === 'comfortable' },
            { id: 'density:compact', text: 'Compact', itemType: 'checkbox', checked: preferences.density === 'compact' },
          ],
        },
      ],
      onItemClick: ({ detail }) => {
        if (detail.id === 'mode:light' || detail.id === 'mode:dark') updatePreferences({ visualMode: detail.id === 'mode:dark' ? 'dark' : 'light' });
        if (detail.id === 'density:comfortable' || detail.id === 'density:compact')
          updatePreferences({ density: detail.id === 'density:compact' ? 'compact' : 'comfortable' });
      },
    },
    {
      type: 'menu-dropdown',
      text: `Account ${accountId}`,
      ariaLabel: `Account ${accountId}`,
      title: 'AWS account',
      iconName: 'folder',
      description: config.mode === 'local' ? `Local AWS at ${config.endpoint ?? ''}` : 'Amazon Web Services',
      items: [{ id: 'copy-account-id', text: 'Copy account ID', iconName: 'copy' }],
      onItemClick: ({ detail }) => {
        if (detail.id === 'copy-account-id') void navigator.clipboard?.writeText(accountId);
      },
    },
    {
      type: 'menu-dropdown',
      text: user ? `${user.username} (${user.roleLabel})` : 'Signed out',
      ariaLabel: user ? `User menu: ${user.username}, role ${user.roleLabel}` : 'User menu',
      title: user?.username,
      description: user ? `Signed in as ${user.arn}` : undefined,
      iconName: 'user-profile',
      items: [
        { id: 'role', text: `Console role: ${user?.roleLabel ?? '-'}`, disabled: true },
        { id: 'sign-out', text: 'Sign out', iconName: 'sign-out' },
      ],
      onItemClick: ({ detail }) => {
        if (detail.id === 'sign-out') {
          void signOut().then(() => navigate('/signin', { replace: true }));
        }
      },
    },
  ];

  return (
    <TopNavigation
      identity={{
        href: '/roles',
        title: 'IAM Role Console',
        onFollow: (event) => {
          event.preventDefault();
          void navigate('/roles');
        },
      }}
      utilities={utilities}
      i18nStrings={{ overflowMenuTriggerText: 'More', overflowMenuTitleText: 'All' }}
    />
  );
}
