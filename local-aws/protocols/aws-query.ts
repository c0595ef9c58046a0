import type { AwsError } from './aws-error.ts';
import { escapeXml, isoSeconds, writeFields, type XmlStyle } from './xml.ts';

/** awsQuery (IAM, STS): lists are <member>, timestamps ISO-8601 to the second. */
export const awsQueryStyle: XmlStyle = { listItem: 'member', date: isoSeconds };

export const AWS_QUERY_CONTENT_TYPE = 'text/xml';

/**
 * `<XResponse xmlns=…><XResult>…</XResult><ResponseMetadata><RequestId>…` — without the Result
 * element when the operation has no output (`result` undefined).
 */
export function serializeAwsQuerySuccess(action: string, xmlNamespace: string, result: unknown, requestId: string): string {
  const out: string[] = ['<', action, 'Response xmlns="', xmlNamespace, '">'];
  if (result !== undefined && result !== null) {
    out.push('<', action, 'Result>');
    writeFields(out, result as object, awsQueryStyle);
    out.push('</', action, 'Result>');
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
