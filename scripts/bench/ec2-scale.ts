/**
 * EC2 at scale, against a local AWS seeded with 10,000 instances and 5,000 instance profiles (local-aws-child.ts
 * with BENCH_SCALE=1): signed DescribeInstances pages of 1,000 walking NextToken, and ListInstanceProfiles pages of
 * 1,000 walking Marker, as the instances page lists them.
 */
import { form, signHeaders, type SigningKeyPair } from './sigv4-sign.ts';

export interface Ec2ScaleResult {
  describeInstances: {
    maxResults: number;
    calls: number;
    instances: number;
    /** Per page, client-measured over loopback (signing included). */
    medianMs: number;
    maxMs: number;
    /** Each page, in the order fetched. */
    pagesMs: number[];
    totalMs: number;
  };
  listInstanceProfiles: { maxItems: number; calls: number; profiles: number; totalMs: number; maxMs: number };
}

const MAX_PAGES = 100;

async function signedPost(
  url: string,
  credentials: SigningKeyPair,
  region: string,
  service: 'ec2' | 'iam',
  params: Record<string, string | number>,
): Promise<{ text: string; ms: number }> {
  const body = form(params);
  const { host: _host, ...headers } = signHeaders(new URL(url).host, { service, region, credentials }, body);
  const started = performance.now();
  const response = await fetch(`${url}/`, { method: 'POST', headers, body });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200)
    throw new Error(`${service} ${String(params.Action)} failed: HTTP ${response.status} ${text.slice(0, 300)}`);
  return { text, ms };
}

const round = (ms: number): number => Math.round(ms * 100) / 100;
const unescapeXml = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);

export async function measureEc2Scale(
  url: string,
  credentials: SigningKeyPair,
  region: string,
  pageSize = 1000,
): Promise<Ec2ScaleResult> {
  const instanceIds = new Set<string>();
  const pageTimes: number[] = [];
  let nextToken: string | undefined;
  const describeStarted = performance.now();
  do {
    const page = await signedPost(url, credentials, region, 'ec2', {
      Action: 'DescribeInstances',
      Version: '2016-11-15',
      MaxResults: pageSize,
      ...(nextToken ? { NextToken: nextToken } : {}),
    });
    pageTimes.push(page.ms);
    for (const match of page.text.matchAll(/<instanceId>(i-[0-9a-f]+)<\/instanceId>/g)) instanceIds.add(match[1]!);
    const token = /<nextToken>([^<]*)<\/nextToken>/.exec(page.text)?.[1];
    nextToken = token ? unescapeXml(token) : undefined;
  } while (nextToken && pageTimes.length < MAX_PAGES);
  const describeTotal = performance.now() - describeStarted;

  let profiles = 0;
  let profileCalls = 0;
  let profileMax = 0;
  let marker: string | undefined;
  const profilesStarted = performance.now();
  do {
    const page = await signedPost(url, credentials, region, 'iam', {
      Action: 'ListInstanceProfiles',
      Version: '2010-05-08',
      MaxItems: pageSize,
      ...(marker ? { Marker: marker } : {}),
    });
    profileCalls++;
    profileMax = Math.max(profileMax, page.ms);
    profiles += page.text.match(/<InstanceProfileName>/g)?.length ?? 0;
    const truncated = page.text.includes('<IsTruncated>true</IsTruncated>');
    const next = /<Marker>([^<]*)<\/Marker>/.exec(page.text)?.[1];
    marker = truncated && next ? unescapeXml(next) : undefined;
  } while (marker && profileCalls < MAX_PAGES);
  const profilesTotal = performance.now() - profilesStarted;

  const sorted = [...pageTimes].sort((a, b) => a - b);
  return {
    describeInstances: {
      maxResults: pageSize,
      calls: pageTimes.length,
      instances: instanceIds.size,
      medianMs: round(sorted[Math.floor((sorted.length - 1) / 2)]!),
      maxMs: round(sorted.at(-1)!),
      pagesMs: pageTimes.map(round),
      totalMs: round(describeTotal),
    },
    listInstanceProfiles: {
      maxItems: pageSize,
      calls: profileCalls,
      profiles,
      totalMs: round(profilesTotal),
      maxMs: round(profileMax),
    },
  };
}
