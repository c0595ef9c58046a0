import { describe, expect, it } from 'vitest';
import { buildProfileDirectory } from '../api/list-instance-profiles.ts';
import {
  filterChoices,
  labelMatch,
  moveHighlight,
  NO_ROLE_VALUE,
  pinnedCount,
  profileChoices,
  rolesWithoutProfile,
} from './profile-choices.ts';

const ACCOUNT = 'arn:aws:iam::123456789012';
const directory = buildProfileDirectory([
  {
    name: 'WebServerRole',
    arn: `${ACCOUNT}:instance-profile/WebServerRole`,
    id: 'AIPAWEB',
    path: '/',
    roleName: 'WebServerRole',
  },
  {
    name: 'batch',
    arn: `${ACCOUNT}:instance-profile/jobs/batch`,
    id: 'AIPABATCH',
    path: '/jobs/',
    roleName: 'BatchJobs',
  },
  { name: 'Empty', arn: `${ACCOUNT}:instance-profile/Empty`, id: 'AIPAEMPTY', path: '/' },
]);
const cliRole = { name: 'CliCreatedRole', arn: `${ACCOUNT}:role/CliCreatedRole`, path: '/' };
const roles = [cliRole, { name: 'WebServerRole', arn: `${ACCOUNT}:role/WebServerRole`, path: '/' }];

describe('profileChoices', () => {
  it('lists No IAM role, the profiles by name, then the roles without a profile, disabled with the reason', () => {
    const choices = profileChoices(directory, rolesWithoutProfile(roles, directory), true);
    expect(choices.map((choice) => [choice.label, choice.tag, choice.disabledReason])).toEqual([
      ['No IAM role', undefined, undefined],
      ['batch', 'Role: BatchJobs', undefined],
      ['Empty', 'No role', undefined],
      ['WebServerRole', 'Role: WebServerRole', undefined],
      ['CliCreatedRole', 'No instance profile', 'CliCreatedRole has no instance profile'],
    ]);
    expect(choices[0]!.value).toBe(NO_ROLE_VALUE);
    expect(choices[1]!.value).toBe(`${ACCOUNT}:instance-profile/jobs/batch`);
    expect(choices[4]!.value).toBe(`role:${cliRole.arn}`);
  });

  it('offers No IAM role only when asked, and nothing before the profiles are known', () => {
    expect(profileChoices(directory, [], false).map((choice) => choice.label)).toEqual([
      'batch',
      'Empty',
      'WebServerRole',
    ]);
    expect(profileChoices(undefined, [], false)).toEqual([]);
    expect(rolesWithoutProfile(roles, undefined)).toEqual([]);
  });
});

describe('pinnedCount', () => {
  // Fifteen profiles, so the one the instance holds is far below "No IAM role" in the list.
  const many = buildProfileDirectory(
    Array.from({ length: 15 }, (_, index) => {
      const name = `Profile${String(index).padStart(2, '0')}`;
      return { name, arn: `${ACCOUNT}:instance-profile/${name}`, id: `AIPA${index}`, path: '/', roleName: name };
    }),
  );

  it('pins No IAM role above the scrolling list however many profiles follow', () => {
    const choices = profileChoices(many, rolesWithoutProfile(roles, many), true);
    expect(choices).toHaveLength(18);
    expect(pinnedCount(choices)).toBe(1);
    expect(choices[0]!.value).toBe(NO_ROLE_VALUE);
    expect(choices.slice(1).some((choice) => choice.pinned)).toBe(false);
  });

  it('pins nothing when there is no role to detach or the filter hides it', () => {
    expect(pinnedCount(profileChoices(many, [], false))).toBe(0);
    const withNoRole = profileChoices(many, [], true);
    expect(pinnedCount(filterChoices(withNoRole, 'Profile14'))).toBe(0);
    expect(pinnedCount(filterChoices(withNoRole, 'no iam'))).toBe(1);
    expect(pinnedCount([])).toBe(0);
  });

  it('lets the keys reach the pinned entry from anywhere in the list', () => {
    const withNoRole = profileChoices(many, [], true);
    expect(moveHighlight(withNoRole, 14, -6)).toBe(8);
    expect(moveHighlight(withNoRole, 8, -6)).toBe(2);
    expect(moveHighlight(withNoRole, 2, -6)).toBe(0);
    expect(moveHighlight(withNoRole, 1, -1)).toBe(0);
  });
});

describe('filterChoices', () => {
  const choices = profileChoices(directory, [], true);

  it('matches name, role and ARN, ignoring case and surrounding blanks', () => {
    expect(filterChoices(choices, 'webserver').map((choice) => choice.label)).toEqual(['WebServerRole']);
    expect(filterChoices(choices, ' BATCHJOBS ').map((choice) => choice.label)).toEqual(['batch']);
    expect(filterChoices(choices, 'instance-profile/jobs/').map((choice) => choice.label)).toEqual(['batch']);
    expect(filterChoices(choices, 'no iam').map((choice) => choice.label)).toEqual(['No IAM role']);
  });

  it('returns the same list for an empty filter and nothing for an unknown text', () => {
    expect(filterChoices(choices, '  ')).toBe(choices);
    expect(filterChoices(choices, 'nothing-like-this')).toEqual([]);
  });

  it('does not match across fields', () => {
    expect(filterChoices(choices, 'WebServerRoleRole')).toEqual([]);
  });
});

describe('moveHighlight', () => {
  const choices = profileChoices(directory, rolesWithoutProfile(roles, directory), false);
  // batch, Empty, WebServerRole, CliCreatedRole (disabled)

  it('starts at the first entry going down and the last choosable one going up', () => {
    expect(moveHighlight(choices, -1, 1)).toBe(0);
    expect(moveHighlight(choices, -1, -1)).toBe(2);
  });

  it('skips disabled entries and stops at the ends', () => {
    expect(moveHighlight(choices, 1, 1)).toBe(2);
    expect(moveHighlight(choices, 2, 1)).toBe(2);
    expect(moveHighlight(choices, 0, -1)).toBe(0);
  });

  it('moves a page at a time without running past the ends', () => {
    expect(moveHighlight(choices, 0, 6)).toBe(2);
    expect(moveHighlight(choices, 2, -6)).toBe(0);
  });

  it('finds nothing in an empty or all-disabled list', () => {
    expect(moveHighlight([], -1, 1)).toBe(-1);
    expect(moveHighlight(choices.slice(3), -1, 1)).toBe(-1);
  });
});

describe('labelMatch', () => {
  it('locates the filter text in the label, ignoring case', () => {
    expect(labelMatch('WebServerRole', 'server')).toEqual({ start: 3, end: 9 });
    expect(labelMatch('WebServerRole', '')).toBeUndefined();
    expect(labelMatch('WebServerRole', 'BatchJobs')).toBeUndefined();
  });
});
