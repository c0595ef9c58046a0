/**
 * The composition root of local AWS state: one store and every model built on it.
 */
import type { LocalAwsSettings } from '../config.ts';
import { CredentialStore } from '../identity/credentials.ts';
import { seedLocalAws, type LocalConfig } from '../seed/index.ts';
import { IdentityPoolModel } from '../services/cognito-identity/model.ts';
import { UserPoolModel } from '../services/cognito-idp/model.ts';
import { Ec2Model } from '../services/ec2/model.ts';
import { IamModel } from '../services/iam/model.ts';
import { openStore, type Store } from '../store/store.ts';

export interface LocalAwsWorld {
  settings: LocalAwsSettings;
  store: Store;
  credentials: CredentialStore;
  iam: IamModel;
  ec2: Ec2Model;
  userPools: UserPoolModel;
  identityPools: IdentityPoolModel;
}

/** Opens (or creates) the store in settings.dataDir, builds the models and seeds a new store. */
export function createWorld(settings: LocalAwsSettings, now: Date = new Date()): LocalAwsWorld {
  const store = openStore(settings.dataDir);
  try {
    const credentials = new CredentialStore(store);
    const iam = new IamModel(store);
    const ec2 = new Ec2Model(store, iam, settings);
    const userPools = new UserPoolModel(store, settings);
    const identityPools = new IdentityPoolModel(store, { userPools, iam, credentials, settings });
    const world: LocalAwsWorld = { settings, store, credentials, iam, ec2, userPools, identityPools };
    if (store.isNew) store.transaction(() => store.collection<LocalConfig>('local').put('config', seedLocalAws(world, now)));
    else credentials.pruneExpired(now);
    return world;
  } catch (error) {
    store.close();
    throw error;
  }
}
