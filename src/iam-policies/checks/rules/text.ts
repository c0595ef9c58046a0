import type { FindingCollector, PolicyKind } from '../context';

/** IAM's quotas, in characters not counting whitespace. */
export const POLICY_SIZE_QUOTAS = {
  managed: 6144,
  inlineAggregatePerRole: 10240,
  trust: 2048,
} as const;

export interface SizeOptions {
  /** Where an identity policy will be stored; boundaries are always managed policies. Default 'managed'. */
  storage?: 'managed' | 'inline';
  /** Characters (without whitespace) of the role's other inline policies, which share the 10,240 quota. */
  otherInlineCharacters?: number;
  /** The account's trust policy quota when it has been raised (default 2,048). */
  trustPolicyQuota?: number;
}

const MAX_CHARACTER_FINDINGS = 10;
const NAMED_CHARACTERS: Record<number, string> = {
  0x2018: "a curly single quote; use a straight quote (')",
  0x2019: "a curly single quote; use a straight quote (')",
  0x201c: 'a curly double quote; use a straight quote (")',
  0x201d: 'a curly double quote; use a straight quote (")',
  0x2013: 'an en dash; use a hyphen (-)',
  0x2014: 'an em dash; use a hyphen (-)',
  0x200b: 'an invisible zero-width space',
  0xfeff: 'an invisible byte-order mark',
};

/** IAM accepts only TAB, LF, CR and U+0020–U+00FF in policy documents. */
export function checkCharacters(text: string, out: FindingCollector): void {
  let reported = 0;
  let offset = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const allowed =
      codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d || (codePoint >= 0x20 && codePoint <= 0xff);
    if (!allowed) {
      if (reported === MAX_CHARACTER_FINDINGS) {
        out.reject(
          'INVALID_CHARACTER',
          'The policy contains more characters IAM does not accept; only the first ten are marked.',
          '',
          { start: offset, end: offset + char.length },
        );
        return;
      }
      const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
      const name = NAMED_CHARACTERS[codePoint];
      out.reject(
        'INVALID_CHARACTER',
        `The character '${printable(char, codePoint)}' (${code}${name ? `, ${name}` : ''}) is not allowed: IAM policies may contain only tab, line breaks and characters from U+0020 to U+00FF.`,
        '',
        { start: offset, end: offset + char.length },
      );
      reported += 1;
    }
    offset += char.length;
  }
}

function printable(char: string, codePoint: number): string {
  return codePoint < 0x20 || codePoint === 0x7f || (codePoint >= 0x200b && codePoint <= 0x200f) || codePoint === 0xfeff
    ? ''
    : char;
}

/** The size IAM counts against its quotas: every character except whitespace. */
export function policySize(text: string): number {
  let size = 0;
  for (const char of text) {
    if (char !== ' ' && char !== '\t' && char !== '\n' && char !== '\r') size += 1;
  }
  return size;
}

export function checkSize(text: string, kind: PolicyKind, options: SizeOptions, out: FindingCollector): void {
  const size = policySize(text);
  const whole = { start: 0, end: Math.min(1, text.length) };
  const format = (value: number) => value.toLocaleString('en-US');
  if (kind === 'trust') {
    const quota = options.trustPolicyQuota ?? POLICY_SIZE_QUOTAS.trust;
    if (size > quota) {
      out.reject(
        'POLICY_SIZE_EXCEEDS_QUOTA',
        `The trust policy has ${format(size)} characters (whitespace not counted); IAM allows at most ${format(quota)} in a role's trust policy. Shorten it or ask AWS to raise the quota.`,
        '',
        whole,
        { code: 'LimitExceeded', awsMessage: `Cannot exceed quota for ACLSizePerRole: ${quota}` },
      );
    }
    return;
  }
  if (kind === 'identity' && options.storage === 'inline') {
    const others = options.otherInlineCharacters ?? 0;
    const total = size + others;
    if (total > POLICY_SIZE_QUOTAS.inlineAggregatePerRole) {
      const share = others > 0 ? ` together with the role's other inline policies (${format(others)})` : '';
      out.reject(
        'POLICY_SIZE_EXCEEDS_QUOTA',
        `This inline policy has ${format(size)} characters (whitespace not counted)${share}, ${format(total)} in all; a role's inline policies may have at most ${format(POLICY_SIZE_QUOTAS.inlineAggregatePerRole)} characters together.`,
        '',
        whole,
        { code: 'LimitExceeded' },
      );
    }
    return;
  }
  if (size > POLICY_SIZE_QUOTAS.managed) {
    out.reject(
      'POLICY_SIZE_EXCEEDS_QUOTA',
      `The policy has ${format(size)} characters (whitespace not counted); a managed policy may have at most ${format(POLICY_SIZE_QUOTAS.managed)}. Split it into several policies.`,
      '',
      whole,
      { code: 'LimitExceeded', awsMessage: `Cannot exceed quota for PolicySize: ${POLICY_SIZE_QUOTAS.managed}` },
    );
  }
}
