import type { AwsError } from './aws-error.ts';
import { escapeXml, writeFields, type XmlStyle } from './xml.ts';

/** ec2Query: lists are <item>, timestamps ISO-8601 with milliseconds (2026-11-28T01:02:03.000Z). */
export const ec2QueryStyle: XmlStyle = { listItem: 'item', date: (date) => date.toISOString() };

export const EC2_XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';
export const EC2_CONTENT_TYPE = 'text/xml;charset=UTF-8';

/** `<XResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>…</requestId>` then the output's elements. */
export function serializeEc2Success(action: string, output: unknown, requestId: string, xmlNamespace: string = EC2_XMLNS): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<',
    action,
    'Response xmlns="',
    xmlNamespace,
    '"><requestId>',
    escapeXml(requestId),
    '</requestId>',
  ];
  if (output !== undefined && output !== null) writeFields(out, output as object, ec2QueryStyle);
  out.push('</', action, 'Response>');
  return out.join('');
}

/** EC2's error document; note `RequestID` with a capital D. */
export function serializeEc2Error(error: AwsError, requestId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Response><Errors><Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error></Errors>` +
    `<RequestID>${escapeXml(requestId)}</RequestID></Response>`
  );
}
