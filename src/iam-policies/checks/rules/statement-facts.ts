import type { JsonObject } from '../json-ast';
import type { ParsedAction } from './actions';
import type { TrustedPrincipals } from './principals';
import type { StringEntry } from './values';

/** What the security rules need to know about one statement. */
export interface StatementFacts {
  node: JsonObject;
  path: string;
  effect?: 'Allow' | 'Deny';
  actionElement?: 'Action' | 'NotAction';
  actions: ParsedAction[];
  resourceElement?: 'Resource' | 'NotResource';
  resources: StringEntry[];
  principals?: TrustedPrincipals;
  conditionKeys: string[];
}
