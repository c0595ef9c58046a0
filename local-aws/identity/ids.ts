import { randomBytes, randomUUID } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * IAM unique ids: a 4-letter prefix and characters from A–Z2–7, 21 in all by default
 * (AROA role, AIPA instance profile, AIDA user, ANPA policy, ANVA version; ASIA/AKIA keys are 20).
 */
export function iamUniqueId(prefix: string, randomLength = 17): string {
  const bytes = randomBytes(randomLength);
  let id = prefix;
  for (const byte of bytes) id += BASE32[byte & 31];
  return id;
}

/** EC2 ids: prefix, dash, 17 lowercase hex digits (i-…, iip-assoc-…, r-…). */
export function ec2Id(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('hex').slice(0, 17)}`;
}

export function requestId(): string {
  return randomUUID();
}
