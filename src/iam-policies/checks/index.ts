export { checkPolicy, type CheckPolicyOptions } from './check-policy';
export type { PolicyKind } from './context';
export {
  countFindings,
  proceedState,
  securityWarningsKey,
  SEVERITY_LABELS,
  SEVERITY_ORDER,
  type Finding,
  type FindingCounts,
  type FindingLocation,
  type FindingSeverity,
  type IamRejection,
  type ProceedState,
  type SourcePosition,
} from './findings';
export { policySize, POLICY_SIZE_QUOTAS } from './rules/text';
