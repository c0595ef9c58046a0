import type { AwsError } from './aws-error.ts';
import type { StructureShape } from './model/shapes.ts';
import { structureText } from './model/xml-output.ts';
import { escapeXml } from './xml.ts';

export const AWS_QUERY_CONTENT_TYPE = 'text/xml';

/**
 * `<XResponse xmlns=…><XResult>…</XResult><ResponseMetadata><RequestId>…`, the result written by the operation's
 * output shape; without the Result element when the operation has no output (`output` undefined).
 */
export function serializeAwsQuerySuccess(
  action: string,
  xmlNamespace: string,
  output: StructureShape | undefined,
  result: unknown,
  requestId: string,
): string {
  const out: string[] = ['<', action, 'Response xmlns="', xmlNamespace, '">'];
  if (output !== undefined) {
    out.push('<', action, 'Result>', structureText(output, (result ?? {}) as Record<string, unknown>), '</', action, 'Result>');
  }
  out.push('<ResponseMetadata><RequestId>', escapeXml(requestId), '</RequestId></ResponseMetadata></', action, 'Response>');
  return out.join('');
}

export function serializeAwsQueryError(error: AwsError, xmlNamespace: string, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${xmlNamespace}"><Error><Type>${error.fault}</Type>` +
    `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`
  );
}
