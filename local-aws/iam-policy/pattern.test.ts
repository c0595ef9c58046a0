import { describe, expect, it } from 'vitest';
import { arnResourceType, formatArn, parseArn } from './arn.ts';
import { cidrContains, parseCidr, parseIpAddress } from './ip.ts';
import { arnSegmentsMatch, compileTemplate, globMatch, resolveTemplate, resourceMatch } from './pattern.ts';

const wild = (text: string) => compileTemplate(text, { wildcards: true, variables: true, lowerCase: false });

describe('templates', () => {
  it('resolves variables with the lookup, and fails when a variable has no value', () => {
    const template = wild('arn:aws:iam::*:user/${aws:username}');
    const lookup = (key: string) => (key === 'aws:username' ? ['alice'] : undefined);
    const glob = resolveTemplate(template, lookup);
    expect(glob && globMatch(glob, 'arn:aws:iam::1:user/alice')).toBe(true);
    expect(resolveTemplate(template, () => undefined)).toBeUndefined();
    // A multi-valued key cannot be a variable.
    expect(resolveTemplate(template, () => ['a', 'b'])).toBeUndefined();
  });

  it('keeps an unterminated ${ literally', () => {
    const glob = resolveTemplate(wild('a${b'), () => undefined);
    expect(glob && globMatch(glob, 'a${b')).toBe(true);
  });
});

describe('ARN matching', () => {
  it('matches component by component', () => {
    const glob = wild('arn:aws:iam::*:role/*').fixed!;
    expect(arnSegmentsMatch(glob, 'arn:aws:iam::123456789012:role/a:b')).toBe(true);
    expect(arnSegmentsMatch(glob, 'arn:aws:iam::123456789012:user/a')).toBe(false);
    expect(arnSegmentsMatch(wild('arn:aws:iam::*').fixed!, 'arn:aws:iam::1:role/a')).toBe(false);
  });

  it('compares non-ARN resources as whole strings', () => {
    expect(resourceMatch(wild('*').fixed!, 'anything')).toBe(true);
    expect(resourceMatch(wild('arn:aws:s3:::*').fixed!, '*')).toBe(false);
  });

  it('parses and formats ARNs', () => {
    const arn = parseArn('arn:aws:iam::123456789012:instance-profile/path/Name');
    expect(arn).toEqual({
      partition: 'aws',
      service: 'iam',
      region: '',
      accountId: '123456789012',
      resource: 'instance-profile/path/Name',
    });
    expect(arn && arnResourceType(arn)).toBe('instance-profile');
    expect(arn && formatArn(arn)).toBe('arn:aws:iam::123456789012:instance-profile/path/Name');
    expect(parseArn('arn:aws:iam')).toBeUndefined();
    expect(parseArn('urn:aws:iam::1:x')).toBeUndefined();
  });
});

describe('IP addresses', () => {
  it('parses IPv4 and IPv6 forms and rejects junk', () => {
    expect(parseIpAddress('192.0.2.1')).toEqual({ family: 4, value: 0xc0000201n });
    expect(parseIpAddress('2001:db8::1')?.family).toBe(6);
    expect(parseIpAddress('::')).toEqual({ family: 6, value: 0n });
    expect(parseIpAddress('1.2.3.256')).toBeUndefined();
    expect(parseIpAddress('1::2::3')).toBeUndefined();
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
  });

  it('checks containment by prefix', () => {
    const block = parseCidr('192.0.2.0/25');
    expect(block && cidrContains(block, parseIpAddress('192.0.2.127')!)).toBe(true);
    expect(block && cidrContains(block, parseIpAddress('192.0.2.128')!)).toBe(false);
    const all = parseCidr('0.0.0.0/0');
    expect(all && cidrContains(all, parseIpAddress('8.8.8.8')!)).toBe(true);
    expect(all && cidrContains(all, parseIpAddress('::1')!)).toBe(false);
  });
});
