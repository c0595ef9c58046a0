import { iamUniqueId } from '../../../identity/ids.ts';
import { entityAlreadyExists, IamMessages, limitExceeded, noSuchEntity, validationError } from '../errors.ts';
import { pageConstraints, paginateInOrder } from '../pagination.ts';
import { allowAll, type Authorize, type Page, type PageRequest, type UserRecord } from '../records.ts';
import { entityTags, requestTagConditions } from '../tags.ts';
import { Constraints, policySize, Rules, type Tag } from '../validation.ts';
import { ANY_ARN, iamArn, IamQuotas, key, nowIso, upsertInline, type IamStateClass } from './state.ts';

/** IAM users (what local-admin and the tests need): attached and inline policies, tags. */
export function withUsers<Base extends IamStateClass>(Base: Base) {
  return class IamUsers extends Base {
    userArnFor(userName: string): string {
      return this.users.get(key(userName))?.arn ?? iamArn('user', '/', userName);
    }

    createUser(
      input: { userName: string; path?: string; tags?: Tag[] },
      now: Date,
      authorize: Authorize = allowAll,
    ): UserRecord {
      const path = input.path ?? '/';
      const c = new Constraints();
      if (c.required('userName', input.userName)) c.string('userName', input.userName, Rules.userName);
      c.string('path', input.path, Rules.path).tags('tags', input.tags).check();
      if (input.tags) entityTags.checkNew(input.tags);
      const arn = iamArn('user', path, input.userName);
      authorize('iam:CreateUser', arn, requestTagConditions(input.tags));
      if (this.users.has(key(input.userName))) throw entityAlreadyExists(IamMessages.userExists(input.userName));
      const user: UserRecord = {
        userName: input.userName,
        userId: iamUniqueId('AIDA'),
        arn,
        path,
        createDate: nowIso(now),
        tags: (input.tags ?? []).map((tag) => ({ Key: tag.Key, Value: tag.Value })),
        attachedPolicyArns: [],
        inlinePolicies: [],
      };
      this.users.put(key(user.userName), user);
      return user;
    }

    getUser(userName: string, authorize: Authorize = allowAll): UserRecord {
      new Constraints().string('userName', userName, Rules.existingUserName).check();
      authorize('iam:GetUser', this.userArnFor(userName));
      return this.requireUser(userName);
    }

    findUser(userName: string): UserRecord | undefined {
      return this.users.get(key(userName));
    }

    attachUserPolicy(userName: string, policyArn: string, authorize: Authorize = allowAll): void {
      const c = new Constraints().string('userName', userName, Rules.userName);
      if (c.required('policyArn', policyArn)) c.string('policyArn', policyArn, Rules.arn);
      c.check();
      if (!ANY_ARN.test(policyArn)) throw validationError(IamMessages.invalidArn(policyArn));
      authorize('iam:AttachUserPolicy', this.userArnFor(userName), { 'iam:PolicyARN': policyArn });
      const user = this.requireUser(userName);
      const policy = this.requireAttachablePolicy(policyArn);
      if (user.attachedPolicyArns.includes(policy.arn)) return;
      if (user.attachedPolicyArns.length >= IamQuotas.managedPoliciesPerUser) {
        throw limitExceeded(IamMessages.policiesPerUser(IamQuotas.managedPoliciesPerUser));
      }
      this.store.transaction(() => {
        this.changeUsage(policy.arn, 'attachmentCount', +1);
        this.users.put(key(user.userName), { ...user, attachedPolicyArns: [...user.attachedPolicyArns, policy.arn] });
      });
    }

    putUserPolicy(userName: string, policyName: string, policyDocument: string): void {
      const c = new Constraints().string('userName', userName, Rules.userName);
      if (c.required('policyName', policyName)) c.string('policyName', policyName, Rules.policyName);
      if (c.required('policyDocument', policyDocument)) c.string('policyDocument', policyDocument, Rules.policyDocument);
      c.check();
      const user = this.requireUser(userName);
      this.checkIdentityPolicy(policyDocument);
      const inlinePolicies = upsertInline(user.inlinePolicies, policyName, policyDocument);
      const total = inlinePolicies.reduce((sum, policy) => sum + policySize(policy.document), 0);
      if (total > IamQuotas.userPolicySize)
        throw limitExceeded(IamMessages.userPolicySize(IamQuotas.userPolicySize, user.userName));
      this.users.put(key(user.userName), { ...user, inlinePolicies });
    }

    listAttachedUserPolicies(
      userName: string,
      input: PageRequest & { pathPrefix?: string },
      authorize: Authorize = allowAll,
    ): Page<{ policyName: string; policyArn: string }> {
      pageConstraints(
        new Constraints()
          .string('userName', userName, Rules.userName)
          .string('pathPrefix', input.pathPrefix, Rules.policyPath),
        input,
      ).check();
      authorize('iam:ListAttachedUserPolicies', this.userArnFor(userName));
      const user = this.requireUser(userName);
      return paginateInOrder(this.attachedSummaries(user.attachedPolicyArns, input.pathPrefix), input);
    }

    private requireUser(userName: string): UserRecord {
      const user = this.users.get(key(userName));
      if (!user) throw noSuchEntity(IamMessages.noSuchUser(userName));
      return user;
    }
  };
}
