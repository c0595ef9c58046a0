import { randomBytes } from 'node:crypto';
import type { Store, Collection } from '../store/store.ts';
import type { Caller } from '../protocols/operation.ts';
import { iamUniqueId } from './ids.ts';

/** A key pair local AWS accepts in SigV4 signatures: an IAM user's access key or a temporary session. */
export interface SigningCredential {
  accessKeyId: string;
  secretAccessKey: string;
  /** Present for temporary (ASIA…) credentials: requests must carry it as X-Amz-Security-Token. */
  sessionToken?: string;
  /** ISO-8601; temporary credentials are refused with ExpiredToken after it. */
  expiration?: string;
  /** Set when the session was revoked (e.g. GlobalSignOut of the Cognito user it was issued to). */
  revoked?: boolean;
  caller: Caller;
}

export interface IssuedSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/** Long-term access keys of IAM users and temporary credentials of assumed roles. */
export class CredentialStore {
  private readonly keys: Collection<SigningCredential>;

  constructor(store: Store) {
    this.keys = store.collection<SigningCredential>('credentials');
  }

  find(accessKeyId: string): SigningCredential | undefined {
    return this.keys.get(accessKeyId);
  }

  /** Registers an IAM user's access key (seeded: local-admin's documentation example key). */
  addUserAccessKey(input: { accessKeyId: string; secretAccessKey: string; userArn: string; userId: string; accountId: string }): void {
    this.keys.put(input.accessKeyId, {
      accessKeyId: input.accessKeyId,
      secretAccessKey: input.secretAccessKey,
      caller: {
        arn: input.userArn,
        userId: input.userId,
        accountId: input.accountId,
        accessKeyId: input.accessKeyId,
        principalArn: input.userArn,
      },
    });
  }

  /** Issues temporary credentials for an assumed role, as STS does for Cognito identity pools. */
  issueRoleSession(input: {
    roleArn: string;
    roleId: string;
    sessionName: string;
    accountId: string;
    ttlSeconds: number;
    now: Date;
  }): IssuedSession {
    const accessKeyId = iamUniqueId('ASIA', 16);
    const secretAccessKey = randomBytes(30).toString('base64').slice(0, 40);
    const sessionToken = randomBytes(96).toString('base64');
    const expiration = new Date(input.now.getTime() + input.ttlSeconds * 1000);
    const roleName = input.roleArn.slice(input.roleArn.lastIndexOf('/') + 1);
    this.keys.put(accessKeyId, {
      accessKeyId,
      secretAccessKey,
      sessionToken,
      expiration: expiration.toISOString(),
      caller: {
        arn: `arn:aws:sts::${input.accountId}:assumed-role/${roleName}/${input.sessionName}`,
        userId: `${input.roleId}:${input.sessionName}`,
        accountId: input.accountId,
        accessKeyId,
        principalArn: input.roleArn,
      },
    });
    return { accessKeyId, secretAccessKey, sessionToken, expiration };
  }

  /** Refuses every listed temporary key from now on. */
  revoke(accessKeyIds: readonly string[]): void {
    for (const id of accessKeyIds) {
      const credential = this.keys.get(id);
      if (credential) this.keys.put(id, { ...credential, revoked: true });
    }
  }

  /** Forgets temporary credentials that expired more than a day ago, so the store does not grow forever. */
  pruneExpired(now: Date): void {
    const cutoff = now.getTime() - 24 * 3600 * 1000;
    for (const [id, credential] of [...this.keys.entries()]) {
      if (credential.expiration && Date.parse(credential.expiration) < cutoff) this.keys.delete(id);
    }
  }
}
