import type { ConditionContext } from '../../../iam-policy/types.ts';
import { iamUniqueId } from '../../../identity/ids.ts';
import { deleteConflict, entityAlreadyExists, IamMessages, limitExceeded, noSuchEntity } from '../errors.ts';
import { pageConstraints, paginate, paginateInOrder } from '../pagination.ts';
import { allowAll, type Authorize, type InstanceProfileRecord, type Page, type PageRequest, type RoleRecord } from '../records.ts';
import { entityTags, requestTagConditions, resourceTagConditions } from '../tags.ts';
import { Constraints, Rules, type Tag } from '../validation.ts';
import { compare, iamArn, IamQuotas, key, nowIso, type IamStateClass } from './state.ts';

export interface CreateInstanceProfileInput {
  instanceProfileName: string;
  path?: string;
  tags?: Tag[];
}

/** Instance profiles: the role each holds (one at most), and tags. */
export function withInstanceProfiles<Base extends IamStateClass>(Base: Base) {
  return class IamInstanceProfiles extends Base {
    instanceProfileArnFor(name: string): string {
      return this.profiles.get(key(name))?.arn ?? iamArn('instance-profile', '/', name);
    }

    createInstanceProfile(
      input: CreateInstanceProfileInput,
      now: Date,
      authorize: Authorize = allowAll,
    ): InstanceProfileRecord {
      const path = input.path ?? '/';
      const c = new Constraints();
      if (c.required('instanceProfileName', input.instanceProfileName)) {
        c.string('instanceProfileName', input.instanceProfileName, Rules.instanceProfileName);
      }
      c.string('path', input.path, Rules.path).tags('tags', input.tags).check();
      if (input.tags) entityTags.checkNew(input.tags);
      const arn = iamArn('instance-profile', path, input.instanceProfileName);
      authorize('iam:CreateInstanceProfile', arn, requestTagConditions(input.tags));
      if (this.profiles.has(key(input.instanceProfileName))) {
        throw entityAlreadyExists(IamMessages.instanceProfileExists(input.instanceProfileName));
      }
      if (this.profiles.size >= IamQuotas.instanceProfilesPerAccount) {
        throw limitExceeded(IamMessages.instanceProfilesPerAccount(IamQuotas.instanceProfilesPerAccount));
      }
      const profile: InstanceProfileRecord = {
        instanceProfileName: input.instanceProfileName,
        instanceProfileId: iamUniqueId('AIPA'),
        arn,
        path,
        createDate: nowIso(now),
        tags: (input.tags ?? []).map((tag) => ({ Key: tag.Key, Value: tag.Value })),
      };
      this.profiles.put(key(profile.instanceProfileName), profile);
      return profile;
    }

    /** Throws NoSuchEntity "Instance Profile X cannot be found." */
    getInstanceProfile(name: string, authorize: Authorize = allowAll): InstanceProfileRecord {
      new Constraints().string('instanceProfileName', name, Rules.instanceProfileName).check();
      authorize('iam:GetInstanceProfile', this.instanceProfileArnFor(name), this.profileConditions(name));
      return this.requireProfile(name);
    }

    findInstanceProfile(name: string): InstanceProfileRecord | undefined {
      return this.profiles.get(key(name));
    }

    findInstanceProfileByArn(arn: string): InstanceProfileRecord | undefined {
      const name = arn.slice(arn.lastIndexOf('/') + 1);
      const profile = this.profiles.get(key(name));
      return profile && profile.arn === arn ? profile : undefined;
    }

    /** Every instance profile, ordered by name (for EC2 and the seed; handlers use pageInstanceProfiles). */
    listInstanceProfiles(): InstanceProfileRecord[] {
      return [...this.profiles.values()].sort((a, b) => compare(key(a.instanceProfileName), key(b.instanceProfileName)));
    }

    pageInstanceProfiles(
      input: PageRequest & { pathPrefix?: string },
      authorize: Authorize = allowAll,
    ): Page<InstanceProfileRecord> {
      pageConstraints(new Constraints().string('pathPrefix', input.pathPrefix, Rules.pathPrefix), input).check();
      authorize('iam:ListInstanceProfiles', iamArn('instance-profile', input.pathPrefix ?? '/', ''));
      const prefix = input.pathPrefix ?? '/';
      const matching = [...this.profiles.values()].filter((profile) => profile.path.startsWith(prefix));
      return paginate(matching, (profile) => key(profile.instanceProfileName), input);
    }

    listInstanceProfilesForRole(
      roleName: string,
      page: PageRequest,
      authorize: Authorize = allowAll,
    ): Page<InstanceProfileRecord> {
      pageConstraints(new Constraints().string('roleName', roleName, Rules.roleName), page).check();
      authorize('iam:ListInstanceProfilesForRole', this.roleArnFor(roleName), this.roleConditions(roleName));
      const role = this.requireRole(roleName);
      return paginate(this.profilesContaining(role), (profile) => key(profile.instanceProfileName), page);
    }

    /** The role inside a profile, if any. */
    roleOfInstanceProfile(profile: InstanceProfileRecord): RoleRecord | undefined {
      return profile.roleName === undefined ? undefined : this.roles.get(key(profile.roleName));
    }

    /** Needs iam:AddRoleToInstanceProfile on the profile and iam:PassRole on the role (AWS docs). */
    addRoleToInstanceProfile(profileName: string, roleName: string, authorize: Authorize = allowAll): void {
      this.membershipConstraints(profileName, roleName);
      authorize(
        'iam:AddRoleToInstanceProfile',
        this.instanceProfileArnFor(profileName),
        this.profileConditions(profileName),
      );
      authorize('iam:PassRole', this.roleArnFor(roleName), {
        ...this.roleConditions(roleName),
        'iam:PassedToService': 'ec2.amazonaws.com',
      });
      const profile = this.requireProfile(profileName);
      const role = this.requireRole(roleName);
      if (profile.roleName !== undefined) throw limitExceeded(IamMessages.rolesPerProfile);
      this.profiles.put(key(profile.instanceProfileName), { ...profile, roleName: role.roleName });
    }

    removeRoleFromInstanceProfile(profileName: string, roleName: string, authorize: Authorize = allowAll): void {
      this.membershipConstraints(profileName, roleName);
      authorize(
        'iam:RemoveRoleFromInstanceProfile',
        this.instanceProfileArnFor(profileName),
        this.profileConditions(profileName),
      );
      const profile = this.requireProfile(profileName);
      this.requireRole(roleName);
      if (profile.roleName === undefined || key(profile.roleName) !== key(roleName)) {
        throw noSuchEntity(IamMessages.roleNotInInstanceProfile(roleName, profileName));
      }
      const { roleName: _removed, ...withoutRole } = profile;
      this.profiles.put(key(profile.instanceProfileName), withoutRole);
    }

    deleteInstanceProfile(name: string, authorize: Authorize = allowAll): void {
      new Constraints().string('instanceProfileName', name, Rules.instanceProfileName).check();
      authorize('iam:DeleteInstanceProfile', this.instanceProfileArnFor(name), this.profileConditions(name));
      const profile = this.requireProfile(name);
      if (profile.roleName !== undefined) throw deleteConflict(IamMessages.deleteProfileWithRole);
      this.profiles.delete(key(profile.instanceProfileName));
    }

    tagInstanceProfile(name: string, tags: Tag[], authorize: Authorize = allowAll): void {
      const c = new Constraints().string('instanceProfileName', name, Rules.instanceProfileName);
      if (c.required('tags', tags)) c.tags('tags', tags);
      c.check();
      entityTags.checkNew(tags);
      authorize('iam:TagInstanceProfile', this.instanceProfileArnFor(name), {
        ...this.profileConditions(name),
        ...requestTagConditions(tags),
      });
      const profile = this.requireProfile(name);
      this.profiles.put(key(profile.instanceProfileName), { ...profile, tags: entityTags.merge(profile.tags, tags) });
    }

    untagInstanceProfile(name: string, tagKeys: string[], authorize: Authorize = allowAll): void {
      const c = new Constraints().string('instanceProfileName', name, Rules.instanceProfileName);
      if (c.required('tagKeys', tagKeys)) c.tagKeys('tagKeys', tagKeys);
      c.check();
      authorize('iam:UntagInstanceProfile', this.instanceProfileArnFor(name), {
        ...this.profileConditions(name),
        'aws:TagKeys': tagKeys,
      });
      const profile = this.requireProfile(name);
      this.profiles.put(key(profile.instanceProfileName), { ...profile, tags: entityTags.remove(profile.tags, tagKeys) });
    }

    listInstanceProfileTags(name: string, page: PageRequest, authorize: Authorize = allowAll): Page<Tag> {
      pageConstraints(new Constraints().string('instanceProfileName', name, Rules.instanceProfileName), page).check();
      authorize('iam:ListInstanceProfileTags', this.instanceProfileArnFor(name), this.profileConditions(name));
      const profile = this.requireProfile(name);
      return paginateInOrder(entityTags.listed(profile.tags), page);
    }

    private requireProfile(name: string): InstanceProfileRecord {
      const profile = this.profiles.get(key(name));
      if (!profile) throw noSuchEntity(IamMessages.noSuchInstanceProfile(name));
      return profile;
    }

    private membershipConstraints(profileName: string, roleName: string): void {
      const c = new Constraints();
      if (c.required('instanceProfileName', profileName))
        c.string('instanceProfileName', profileName, Rules.instanceProfileName);
      if (c.required('roleName', roleName)) c.string('roleName', roleName, Rules.roleName);
      c.check();
    }

    private profileConditions(name: string): ConditionContext {
      return resourceTagConditions(this.profiles.get(key(name))?.tags);
    }
  };
}
