/** ARN parsing: `arn:partition:service:region:account-id:resource` (the resource may contain colons). */

export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly accountId: string;
  readonly resource: string;
}

export function parseArn(text: string): Arn | undefined {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition = '', service = '', region = '', accountId = ''] = parts;
  if (partition === '' || service === '') return undefined;
  return { partition, service, region, accountId, resource: parts.slice(5).join(':') };
}

export function formatArn(arn: Arn): string {
  return `arn:${arn.partition}:${arn.service}:${arn.region}:${arn.accountId}:${arn.resource}`;
}

export const ACCOUNT_ID_PATTERN = /^\d{12}$/;

/** For an IAM-style ARN `.../type/path/name`, the resource type (`role`, `user`, `instance-profile`, ...). */
export function arnResourceType(arn: Arn): string {
  const slash = arn.resource.indexOf('/');
  return slash === -1 ? arn.resource : arn.resource.slice(0, slash);
}
