/**
 * IAM returns policy documents (AssumeRolePolicyDocument, PolicyVersion.Document, inline PolicyDocument)
 * URL-encoded, and the JavaScript SDK v3 passes them through untouched.
 */
export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Principal?: '*' | Record<string, string | string[]>;
  NotPrincipal?: Record<string, string | string[]>;
  Condition?: Record<string, Record<string, string | string[] | boolean | number>>;
}

export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement: PolicyStatement | PolicyStatement[];
}

/** Turns IAM's URL-encoded document text into readable JSON text. Plain JSON passes through unchanged. */
export function decodePolicyDocumentText(wireText: string): string {
  const trimmed = wireText.trimStart();
  // Already-decoded JSON (e.g. from local fixtures) starts with "{"; "%7B" is the encoded form.
  if (trimmed.startsWith('{')) return wireText;
  return decodeURIComponent(wireText);
}

/** Decodes and parses an IAM policy document; throws a plain-words error when it is not JSON. */
export function parsePolicyDocument(wireText: string): PolicyDocument {
  const text = decodePolicyDocumentText(wireText);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('The policy document returned by IAM is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || !('Statement' in parsed)) {
    throw new Error('The policy document returned by IAM has no Statement.');
  }
  return parsed as PolicyDocument;
}

/** Statements as a list: IAM allows a single statement object in place of an array. */
export function statementsOf(document: PolicyDocument): PolicyStatement[] {
  return Array.isArray(document.Statement) ? document.Statement : [document.Statement];
}

/** Pretty JSON for display (2-space indent, as the AWS console shows it). */
export function formatPolicyDocument(wireText: string): string {
  return JSON.stringify(parsePolicyDocument(wireText), null, 2);
}
