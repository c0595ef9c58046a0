/**
 * EC2's documented tag rules (EC2 User Guide, "Tag restrictions"), for local AWS and the console alike.
 * Lengths are counted in characters: see ./characters.ts.
 */
export const EC2_TAG_LIMITS = {
  key: 128,
  value: 256,
  perResource: 50,
  /** Keys with this prefix (any case) are reserved for AWS. */
  reservedPrefix: 'aws:',
} as const;
