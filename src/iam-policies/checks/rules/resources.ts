import type { FindingCollector } from '../context';
import type { StringEntry } from './values';

const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];

/** Checks that each Resource/NotResource value is `*` or an ARN IAM accepts. */
export function checkResources(entries: StringEntry[], out: FindingCollector): void {
  for (const entry of entries) {
    const problem = arnProblem(entry.value);
    if (!problem) continue;
    // IAM stores ARNs without a resource part (even AWS managed policies contain 'arn:aws:organizations::*:'),
    // but they match nothing.
    if (problem.refusedByIam) out.reject('INVALID_ARN', problem.message, entry.path, entry.node);
    else out.report('warning', 'ARN_WITHOUT_RESOURCE', problem.message, entry.path, entry.node);
  }
}

/** Why a resource string is not an ARN (or `*`), or undefined when it is fine. */
export function arnProblem(value: string): { message: string; refusedByIam: boolean } | undefined {
  const refused = (message: string) => ({ message, refusedByIam: true });
  if (value === '*') return undefined;
  if (!value.startsWith('arn:')) {
    return refused(`'${value}' is not a resource ARN. Use '*' or an ARN such as 'arn:aws:s3:::my-bucket/*'.`);
  }
  const parts = splitArn(value);
  if (parts.length < 6) {
    return refused(
      `'${value}' is not a complete ARN: it needs six parts, arn:partition:service:region:account-id:resource (region and account may be empty).`,
    );
  }
  const [, partition, service, , account] = parts;
  const resource = parts.slice(5).join(':');
  if (!PARTITIONS.includes(partition) && !/[*?]/.test(partition) && !partition.startsWith('${')) {
    return refused(`'${partition}' in '${value}' is not an AWS partition; most ARNs start with 'arn:aws:'.`);
  }
  if (service === '') return refused(`The ARN '${value}' has no service (the third part, for example 's3' or 'iam').`);
  if (account !== '' && !/^(\d{12}|[\d*?]*[*?][\d*?]*|\$\{[^}]+\}|aws)$/.test(account)) {
    return refused(`'${account}' in '${value}' is not an account ID: use 12 digits, a wildcard, or leave it empty.`);
  }
  if (resource === '') {
    return {
      message: `The ARN '${value}' names no resource after the account ID, so it matches nothing.`,
      refusedByIam: false,
    };
  }
  return undefined;
}

/** Splits an ARN on ':' except inside policy variables such as ${aws:PrincipalAccount}. */
function splitArn(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index];
    if (char === '$' && value[index + 1] === '{') depth += 1;
    else if (char === '}' && depth > 0) depth -= 1;
    if (char === ':' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}
