import { describe, expect, it } from 'vitest';
import { decodePolicyDocumentText, formatPolicyDocument, parsePolicyDocument, statementsOf } from './policy-document.ts';

const trustPolicy = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
// AWS escapes more than encodeURIComponent (e.g. "*"), so encode like that on top.
const wire = encodeURIComponent(JSON.stringify(trustPolicy)).replace(/\*/g, '%2A');

describe('policy documents', () => {
  it('decodes the URL-encoded text IAM returns', () => {
    expect(wire.startsWith('%7B')).toBe(true);
    expect(parsePolicyDocument(wire)).toEqual(trustPolicy);
  });

  it('passes plain JSON through', () => {
    expect(decodePolicyDocumentText('{"a":"50%"}')).toBe('{"a":"50%"}');
  });

  it('normalises a single statement object into a list', () => {
    const single = parsePolicyDocument(encodeURIComponent('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}'));
    expect(statementsOf(single)).toHaveLength(1);
  });

  it('pretty-prints', () => {
    expect(formatPolicyDocument(wire)).toBe(JSON.stringify(trustPolicy, null, 2));
  });

  it('rejects documents that are not JSON or have no Statement', () => {
    expect(() => parsePolicyDocument('%7Bnope')).toThrow('not valid JSON');
    expect(() => parsePolicyDocument(encodeURIComponent('{"Version":"2012-10-17"}'))).toThrow('no Statement');
  });
});
