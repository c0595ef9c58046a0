import type { Finding, FindingLocation, FindingSeverity, IamRejection, SourcePosition } from './findings';
import type { JsonNode } from './json-ast';

/** The three places a policy document is used in the role wizard; each has its own grammar and quota. */
export type PolicyKind = 'identity' | 'trust' | 'boundary';

/** Turns source offsets into 1-based line/column positions. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let index = 0; index < text.length; index += 1) {
      if (text[index] === '\n') this.lineStarts.push(index + 1);
    }
  }

  positionAt(offset: number): SourcePosition {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low] + 1 };
  }
}

export interface SourceRange {
  start: number;
  end: number;
}

/** Collects findings while the rules walk the document. */
export class FindingCollector {
  readonly findings: Finding[] = [];

  constructor(private readonly lines: LineIndex) {}

  locate(path: string, range: SourceRange): FindingLocation {
    return { path, start: this.lines.positionAt(range.start), end: this.lines.positionAt(range.end) };
  }

  report(severity: FindingSeverity, code: string, message: string, path: string, range: SourceRange | JsonNode): void {
    this.findings.push({ severity, code, message, location: this.locate(path, range) });
  }

  /** An error IAM itself would answer with MalformedPolicyDocument (or LimitExceeded for quotas). */
  reject(
    code: string,
    message: string,
    path: string,
    range: SourceRange | JsonNode,
    rejection: Partial<IamRejection> = {},
  ): void {
    const rejectedByIam: IamRejection = { code: rejection.code ?? 'MalformedPolicyDocument' };
    if (rejection.awsMessage !== undefined) rejectedByIam.awsMessage = rejection.awsMessage;
    this.findings.push({ severity: 'error', code, message, location: this.locate(path, range), rejectedByIam });
  }
}

/** `Statement[0].Action[1]`-style path segments. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}
