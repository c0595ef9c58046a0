/**
 * Property-based tests of local AWS's request parsing and validation, through HTTP with valid SigV4 signatures.
 *
 * Every generated request carries at least one defect that AWS refuses (a bad % escape, an unknown action or version,
 * a wrong type, a missing or invalid parameter, a malformed or oversized policy, broken UTF-8, …), usually mixed with
 * noise (duplicate keys, empty names, huge list indexes). For each one local AWS must answer with AWS's error shape for
 * the protocol and a 4xx status (never a 5xx, a hang or a crash), log no internal failure, and leave every stored
 * collection exactly as it was.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalAws, type RunningLocalAws } from '../../local-aws/server/app.ts';
import { testSettings } from '../../local-aws/server/test-support.ts';
import {
  ADMIN_KEY,
  form,
  parseError,
  WireClient,
  type ParsedError,
  type WireRequest,
  type WireResponse,
} from './aws-wire.ts';
import { firstDifference, snapshot, type StoreSnapshot } from './state.ts';

const SEED = 20260601;
const RUNS = 250;
/** Inputs tried per property and per kind of defect, printed at the end. */
const tried = new Map<string, number>();
const triedByKind = new Map<string, number>();

// One fixed server clock: nothing ages (EC2 lifecycle, credentials) while the properties run.
const NOW = new Date();
let localAws: RunningLocalAws;
let client: WireClient;
let initial: StoreSnapshot;
const serverLog: string[] = [];
let config: { userPoolClientId: string; userPoolId: string; identityPoolId: string };
let runningInstance: string;
let anyInstance: string;
let association: string;

beforeAll(async () => {
  localAws = await startLocalAws(
    testSettings(),
    { clock: () => NOW, log: (line) => serverLog.push(line) },
  );
  client = new WireClient(localAws.url, { maxSockets: 2, timeoutMs: 10_000 });
  config = (await (await fetch(`${localAws.url}/_local/config`)).json()) as typeof config;
  const instances = [
    ...localAws.world.store
      .collection<{ instanceId: string; state: string; stateName?: string }>('ec2:us-east-1:instances')
      .values(),
  ];
  anyInstance = instances[0]!.instanceId;
  const describe = await client.send(
    ec2Request(
      form({
        Action: 'DescribeInstances',
        Version: '2016-11-15',
        'Filter.1.Name': 'instance-state-name',
        'Filter.1.Value.1': 'running',
      }),
    ),
  );
  runningInstance = /<instanceId>(i-[0-9a-f]+)<\/instanceId>/.exec(describe.body)![1]!;
  const associations = await client.send(
    ec2Request(form({ Action: 'DescribeIamInstanceProfileAssociations', Version: '2016-11-15' })),
  );
  association = /<associationId>(iip-assoc-[0-9a-f]+)<\/associationId>/.exec(associations.body)![1]!;
}, 60_000);

// Each property compares with the state at its own start, so that one failure does not cascade into the others.
beforeEach(() => {
  initial = snapshot(localAws.world.store);
});

afterAll(async () => {
  client?.close();
  await localAws?.close();
  const lines = [...tried].map(([name, n]) => `  ${name}: ${n} inputs`);
  const kinds = [...triedByKind].map(([name, n]) => `${name} ${n}`).join(', ');
  const total = [...tried.values()].reduce((a, b) => a + b, 0);
  console.log(
    `[robustness/parsing] inputs tried (seed ${SEED}):\n${lines.join('\n')}\n  total: ${total}\n  by kind: ${kinds}`,
  );
});

function iamRequest(body: string | Buffer, query?: string): WireRequest {
  return { service: 'iam', credentials: ADMIN_KEY, body, query, date: NOW };
}
function stsRequest(body: string | Buffer): WireRequest {
  return { service: 'sts', credentials: ADMIN_KEY, body, date: NOW };
}
function ec2Request(body: string | Buffer, query?: string): WireRequest {
  return { service: 'ec2', credentials: ADMIN_KEY, body, query, date: NOW };
}

/** Sends one request and checks AWS's error shape, a 4xx status, a quiet log and an untouched store. */
async function expectRefused(protocol: ParsedError['protocol'], request: WireRequest): Promise<ParsedError> {
  const logLength = serverLog.length;
  let response: WireResponse;
  try {
    response = await client.send(request);
  } catch (error) {
    throw new Error(
      `no answer (${error instanceof Error ? error.message : String(error)}) for ${describeRequest(request)}`,
    );
  }
  const parsed = parseError(protocol, response);
  const context = `${response.status} ${response.body.slice(0, 300)} for ${describeRequest(request)}`;
  if (response.status < 400 || response.status > 499) throw new Error(`expected a 4xx, got ${context}`);
  if (!parsed) throw new Error(`not AWS's ${protocol} error shape: ${context}`);
  if (serverLog.length !== logLength)
    throw new Error(
      `server logged "${serverLog.slice(logLength).join(' | ').slice(0, 300)}" for ${describeRequest(request)}`,
    );
  const difference = firstDifference(initial, snapshot(localAws.world.store));
  if (difference) throw new Error(`state changed (${difference}) by ${context}`);
  return parsed;
}

function describeRequest(request: WireRequest): string {
  const body =
    request.body === undefined ? '' : Buffer.isBuffer(request.body) ? request.body.toString('latin1') : request.body;
  const shown = body.length > 200 ? `${body.slice(0, 200)}…(${body.length} bytes)` : body;
  return `${request.service}${request.target ? ` ${request.target}` : ''} ${request.query ? `?${request.query} ` : ''}${shown}`;
}

function count(property: string, kind?: string): void {
  tried.set(property, (tried.get(property) ?? 0) + 1);
  if (kind)
    triedByKind.set(
      `${property.split(' ')[0]} ${kind}`,
      (triedByKind.get(`${property.split(' ')[0]} ${kind}`) ?? 0) + 1,
    );
}

// ---------------------------------------------------------------- building blocks for the query protocols

const enc = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/** A name and a value (a plain array so that the generators' literals need no annotations). */
type Pair = readonly string[];
const pairText = ([name = '', value = '']: Pair) => `${enc(name)}=${enc(value)}`;

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const IAM_ACTIONS = [
  'CreateRole',
  'GetRole',
  'ListRoles',
  'UpdateRole',
  'DeleteRole',
  'TagRole',
  'UntagRole',
  'AttachRolePolicy',
  'PutRolePolicy',
  'CreateInstanceProfile',
  'AddRoleToInstanceProfile',
  'DeleteInstanceProfile',
  'CreatePolicy',
  'ListPolicies',
  'ListInstanceProfiles',
];
const validRoleName = fc.stringMatching(/^[A-Za-z0-9+=,.@_-]{1,20}$/).map((name) => `robust-${name}`);

/** Noise that must not rescue a defective request: junk pairs, empty names, stray separators, huge list indexes. */
const noise: fc.Arbitrary<string[]> = fc.array(
  fc.oneof(
    fc.constantFrom(
      '',
      '&',
      '=',
      '==',
      '=x',
      'Junk',
      'Junk=1',
      'Junk=',
      '%20=%20',
      'Foo.member.0=x',
      'Foo.member.=y',
      'Bar.1.=z',
    ),
    fc
      .tuple(
        fc.constantFrom('Junk', 'Filter.99999999.Name', 'Tags.member.99999999.Key', 'Unknown.member.1'),
        fc.string({ maxLength: 20 }),
      )
      .map(pairText),
  ),
  { maxLength: 4 },
);

/** Pairs in order, with noise spliced in and, sometimes, earlier duplicates of a pair (later duplicates win). */
function assemble(pairs: readonly Pair[], junk: readonly string[], duplicateOf: number | undefined): string {
  const pieces = pairs.map(pairText);
  if (duplicateOf !== undefined && pairs.length > 0) {
    const [name] = pairs[duplicateOf % pairs.length]!;
    pieces.unshift(pairText([name, 'earlier-duplicate']));
  }
  return [...junk.slice(0, 2), ...pieces, ...junk.slice(2)].join('&');
}

const BAD_ESCAPES = [
  '%',
  '%z',
  '%zz',
  '%E0%A4%A',
  '%FF',
  '%C3%28',
  '%ED%A0%80',
  '%%41',
  'abc%2',
  '%u0041',
  '%F4%90%80%80',
];
/** Raw bytes that are not UTF-8. */
const BROKEN_UTF8: readonly number[][] = [
  [0xff],
  [0xfe, 0xff],
  [0xc3, 0x28],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xc0, 0xaf],
  [0x80],
];

function nested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Policy documents AWS refuses: unparseable, deeply nested, oversized, not a policy at all, lone surrogates. */
const badPolicy: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '{',
    '{"Version":"2012-10-17"',
    'null',
    '[]',
    '"text"',
    '{"Statement":[{"Effect":"Allow"}]}',
    '{"Version":"2012-10-17","Statement":"\\ud800"}',
  ),
  fc
    .tuple(fc.integer({ min: 50, max: 20_000 }), fc.constantFrom<'array' | 'object'>('array', 'object'))
    .map(([depth, kind]) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Principal: { Service: 'ec2.amazonaws.com' },
            Condition: JSON.parse(nested(Math.min(depth, 2000), kind)) as unknown,
          },
        ],
      }),
    ),
  fc
    .tuple(fc.integer({ min: 1000, max: 20_000 }), fc.constantFrom<'array' | 'object'>('array', 'object'))
    .map(([depth, kind]) => nested(depth, kind)),
  fc
    .integer({ min: 131_073, max: 140_000 })
    .map((size) => `{"Version":"2012-10-17","Statement":[],"Sid":"${'x'.repeat(size)}"}`),
  fc
    .integer({ min: 10_241, max: 20_000 })
    .map((size) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Sid: 'x'.repeat(size), Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
      }),
    ),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
);

// ---------------------------------------------------------------- IAM (awsQuery)

type Defect = { kind: string; pairs: Pair[]; raw?: Buffer; inQuery?: string };

const iamDefect: fc.Arbitrary<Defect> = fc.oneof(
  // A bad % escape in a name or a value, in the body or the URL's query string.
  fc
    .tuple(fc.constantFrom(...IAM_ACTIONS), fc.constantFrom(...BAD_ESCAPES), fc.boolean(), fc.boolean())
    .map(([action, escape, inName, inUrl]) => {
      const piece = inName ? `RoleName${escape}=x` : `RoleName=ab${escape}`;
      return inUrl
        ? {
            kind: 'bad % escape',
            pairs: [
              ['Action', action],
              ['Version', '2010-05-08'],
            ],
            inQuery: piece,
          }
        : {
            kind: 'bad % escape',
            pairs: [
              ['Action', action],
              ['Version', '2010-05-08'],
            ],
            raw: Buffer.from(piece, 'latin1'),
          };
    }),
  // Unknown actions (including case variants and other services' actions) and missing or empty ones.
  fc
    .oneof(
      fc.stringMatching(/^[A-Za-z0-9]{0,40}$/),
      fc.constantFrom(
        'listroles',
        'LISTROLES',
        'ListRoles ',
        'DescribeInstances',
        'GetCallerIdentity',
        'constructor',
        '__proto__',
        'toString',
        'hasOwnProperty',
      ),
    )
    .filter((action) => !IAM_ACTIONS.includes(action) && !['GetRole', 'ListRoles'].includes(action))
    .chain((action) =>
      fc.constant<Defect>({
        kind: 'unknown action',
        pairs: [
          ['Action', action],
          ['Version', '2010-05-08'],
          ['RoleName', 'x'],
        ],
      }),
    ),
  fc.constant<Defect>({ kind: 'missing action', pairs: [['Version', '2010-05-08']] }),
  // Unknown or missing versions, on calls that would otherwise succeed and write.
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom('', '2011-06-15', '2016-11-15', '2010-05-09', 'latest', '2010-05-08 '),
        fc.string({ maxLength: 12 }),
      ),
      validRoleName,
    )
    .filter(([version]) => version !== '2010-05-08')
    .map(([version, name]) => ({
      kind: 'unknown version',
      pairs: [
        ['Action', 'CreateRole'],
        ['Version', version],
        ['RoleName', name],
        ['AssumeRolePolicyDocument', TRUST],
      ],
    })),
  fc.tuple(validRoleName).map(([name]) => ({
    kind: 'missing version',
    pairs: [
      ['Action', 'CreateRole'],
      ['RoleName', name],
      ['AssumeRolePolicyDocument', TRUST],
    ],
  })),
  // Wrong types and out-of-range numbers.
  fc
    .tuple(
      fc.constantFrom('ListRoles', 'ListPolicies', 'ListInstanceProfiles'),
      fc.constantFrom(
        'abc',
        '1e9',
        '0',
        '-1',
        '1001',
        '99999999999999999999',
        '1.5',
        '',
        ' ',
        '0x10',
        'NaN',
        'Infinity',
        '１',
      ),
    )
    .map(([action, max]) => ({
      kind: 'wrong type: MaxItems',
      pairs: [
        ['Action', action],
        ['Version', '2010-05-08'],
        ['MaxItems', max],
      ],
    })),
  fc
    .tuple(validRoleName, fc.constantFrom('1e9', '1000000000', '3599', '43201', 'abc', '-3600', '', '3600.5', '0'))
    .map(([name, duration]) => ({
      kind: 'wrong type: MaxSessionDuration',
      pairs: [
        ['Action', 'CreateRole'],
        ['Version', '2010-05-08'],
        ['RoleName', name],
        ['AssumeRolePolicyDocument', TRUST],
        ['MaxSessionDuration', duration],
      ],
    })),
  fc.constantFrom('1e9', 'abc', '43201', '').map((duration) => ({
    kind: 'wrong type: MaxSessionDuration',
    pairs: [
      ['Action', 'UpdateRole'],
      ['Version', '2010-05-08'],
      ['RoleName', 'WebServerRole'],
      ['MaxSessionDuration', duration],
    ],
  })),
  fc.constantFrom('maybe', 'yes', '1', '', 'TRUE ', 'null').map((flag) => ({
    kind: 'wrong type: boolean',
    pairs: [
      ['Action', 'ListPolicies'],
      ['Version', '2010-05-08'],
      ['OnlyAttached', flag],
    ],
  })),
  // Invalid and missing names.
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom('', 'a b', 'role/with/slash', '<script>', 'rôle', 'tab\tname', '\u0000', 'x'.repeat(65)),
        fc.string({ minLength: 65, maxLength: 200 }),
      ),
      fc.constantFrom('CreateRole', 'CreateInstanceProfile'),
    )
    .map(([name, action]) => ({
      kind: 'invalid name',
      pairs: [
        ['Action', action],
        ['Version', '2010-05-08'],
        [
          action === 'CreateRole' ? 'RoleName' : 'InstanceProfileName',
          action === 'CreateRole' || name === '' ? name : `${name}${'y'.repeat(129)}`,
        ],
        ['AssumeRolePolicyDocument', TRUST],
      ] as Pair[],
    })),
  fc.tuple(validRoleName, fc.constantFrom('RoleName', 'AssumeRolePolicyDocument')).map(([name, drop]) => ({
    kind: 'missing parameter',
    pairs: (
      [
        ['Action', 'CreateRole'],
        ['Version', '2010-05-08'],
        ['RoleName', name],
        ['AssumeRolePolicyDocument', TRUST],
      ] as Pair[]
    ).filter(([key]) => key !== drop),
  })),
  fc.constantFrom<Defect>(
    {
      kind: 'missing parameter',
      pairs: [
        ['Action', 'AttachRolePolicy'],
        ['Version', '2010-05-08'],
        ['RoleName', 'WebServerRole'],
      ],
    },
    {
      kind: 'missing parameter',
      pairs: [
        ['Action', 'TagRole'],
        ['Version', '2010-05-08'],
        ['RoleName', 'WebServerRole'],
      ],
    },
    {
      kind: 'missing parameter',
      pairs: [
        ['Action', 'AddRoleToInstanceProfile'],
        ['Version', '2010-05-08'],
        ['InstanceProfileName', 'OrphanProfile'],
      ],
    },
  ),
  // Broken UTF-8 bytes in values.
  fc
    .tuple(validRoleName, fc.constantFrom(...BROKEN_UTF8), fc.constantFrom('RoleName', 'Description'))
    .map(([name, bytes, where]) => ({
      kind: 'broken UTF-8',
      pairs: [
        ['Action', 'CreateRole'],
        ['Version', '2010-05-08'],
        ['AssumeRolePolicyDocument', TRUST],
        ...(where === 'RoleName' ? [] : ([['RoleName', name]] as Pair[])),
      ],
      raw: Buffer.concat([Buffer.from(`${where}=ok`), Buffer.from(bytes)]),
    })),
  // Malformed, deeply nested and oversized policies.
  fc
    .tuple(
      validRoleName,
      badPolicy,
      fc.constantFrom('CreateRole', 'PutRolePolicy', 'CreatePolicy', 'UpdateAssumeRolePolicy'),
    )
    .map(([name, policy, action]) => {
      const pairs: Pair[] =
        action === 'CreateRole'
          ? [
              ['RoleName', name],
              ['AssumeRolePolicyDocument', policy],
            ]
          : action === 'PutRolePolicy'
            ? [
                ['RoleName', 'WebServerRole'],
                ['PolicyName', name],
                ['PolicyDocument', policy],
              ]
            : action === 'CreatePolicy'
              ? [
                  ['PolicyName', name],
                  ['PolicyDocument', policy],
                ]
              : [
                  ['RoleName', 'WebServerRole'],
                  ['PolicyDocument', policy],
                ];
      return { kind: 'bad policy document', pairs: [['Action', action], ['Version', '2010-05-08'], ...pairs] };
    }),
  // Huge and odd list indexes, with a tag AWS refuses or on a role that does not exist.
  fc
    .tuple(
      fc.constantFrom('1', '99999999', '9007199254740993', '1e0', '01', '0x1', ' 1', '1.0', '-1', '0', '+1'),
      fc.constantFrom('aws:reserved', 'k'.repeat(129), 'bad#key', ''),
      fc.boolean(),
    )
    .map(([index, key, missingRole]) => ({
      kind: 'list indexes',
      pairs: [
        ['Action', 'TagRole'],
        ['Version', '2010-05-08'],
        ['RoleName', missingRole ? 'NoSuchRole-robust' : 'WebServerRole'],
        [`Tags.member.${index}.Key`, missingRole ? 'ok' : key],
        [`Tags.member.${index}.Value`, 'v'],
      ],
    })),
  fc.constantFrom('1e0', '01', '0x1', ' 1', '99999999').map((index) => ({
    kind: 'list indexes',
    pairs: [
      ['Action', 'UntagRole'],
      ['Version', '2010-05-08'],
      ['RoleName', 'NoSuchRole-robust'],
      [`TagKeys.member.${index}`, 'Tier'],
    ],
  })),
);

// ---------------------------------------------------------------- EC2 (ec2Query)

const EC2_ACTIONS = [
  'DescribeInstances',
  'RunInstances',
  'TerminateInstances',
  'StopInstances',
  'AssociateIamInstanceProfile',
  'ReplaceIamInstanceProfileAssociation',
  'DisassociateIamInstanceProfile',
  'DescribeIamInstanceProfileAssociations',
];
const BAD_INSTANCE_IDS = [
  'xyz',
  'i-',
  'i-zzzz',
  '',
  'i-0123456789abcdef01',
  'I-0123456789ABCDEF0',
  'i-0123456789abcdef0',
  'i-12345678 ',
  'sir-123',
];
const RUN_BASE: Pair[] = [
  ['ImageId', 'ami-0123456789abcdef0'],
  ['MinCount', '1'],
  ['MaxCount', '1'],
  ['InstanceType', 't3.micro'],
];

function ec2Defects(): fc.Arbitrary<Defect> {
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...EC2_ACTIONS), fc.constantFrom(...BAD_ESCAPES), fc.boolean(), fc.boolean())
      .map(([action, escape, inName, inUrl]) => {
        const piece = inName ? `InstanceId.1${escape}=x` : `InstanceId.1=i-${escape}`;
        return inUrl
          ? {
              kind: 'bad % escape',
              pairs: [
                ['Action', action],
                ['Version', '2016-11-15'],
              ],
              inQuery: piece,
            }
          : {
              kind: 'bad % escape',
              pairs: [
                ['Action', action],
                ['Version', '2016-11-15'],
              ],
              raw: Buffer.from(piece, 'latin1'),
            };
      }),
    fc
      .oneof(
        fc.stringMatching(/^[A-Za-z0-9]{1,40}$/),
        fc.constantFrom('describeinstances', 'ListRoles', 'constructor', '__proto__', 'valueOf'),
      )
      .filter(
        (action) =>
          !EC2_ACTIONS.includes(action) &&
          !['StartInstances', 'CreateTags', 'DeleteTags', 'DescribeRegions', 'DescribeAvailabilityZones'].includes(
            action,
          ),
      )
      .map((action) => ({
        kind: 'unknown action',
        pairs: [
          ['Action', action],
          ['Version', '2016-11-15'],
        ] as Pair[],
      })),
    fc.constant<Defect>({
      kind: 'missing action',
      pairs: [
        ['Version', '2016-11-15'],
        ['InstanceId.1', 'i-0123456789abcdef0'],
      ],
    }),
    fc
      .tuple(
        fc.constantFrom('DescribeInstances', 'DescribeIamInstanceProfileAssociations'),
        fc.constantFrom('abc', '1e9', '4', '1001', '-5', '1.5', '', '99999999999999999999'),
      )
      .map(([action, max]) => ({
        kind: 'wrong type: MaxResults',
        pairs: [
          ['Action', action],
          ['Version', '2016-11-15'],
          ['MaxResults', max],
        ],
      })),
    fc
      .oneof(
        fc.tuple(fc.constant('MinCount'), fc.constantFrom('abc', '1e9', '0', '-1', '', '1.5', '100000')),
        fc.tuple(fc.constant('MaxCount'), fc.constantFrom('abc', '0', '-1', '', '1.5')),
      )
      .map(([name, value]) => ({
        kind: 'wrong type: counts',
        pairs: [
          ['Action', 'RunInstances'],
          ['Version', '2016-11-15'],
          ...RUN_BASE.filter(([key]) => key !== name),
          [name, value],
        ],
      })),
    fc
      .constantFrom('maybe', 'yes', '1', 'null')
      .map((flag) => ({
        kind: 'wrong type: boolean',
        pairs: [['Action', 'RunInstances'], ['Version', '2016-11-15'], ...RUN_BASE, ['DryRun', flag]],
      })),
    fc
      .tuple(fc.constantFrom('ImageId', 'MinCount', 'MaxCount'))
      .map(([drop]) => ({
        kind: 'missing parameter',
        pairs: [['Action', 'RunInstances'], ['Version', '2016-11-15'], ...RUN_BASE.filter(([key]) => key !== drop)],
      })),
    fc
      .tuple(
        fc.constantFrom('ami-xyz', 'ami-', 'AMI-0123456789abcdef0', 'i-0123456789abcdef0'),
        fc.constantFrom('t3.nano9', 'huge'),
      )
      .map(([image, type]) => ({
        kind: 'invalid value',
        pairs: [
          ['Action', 'RunInstances'],
          ['Version', '2016-11-15'],
          ['ImageId', image],
          ['MinCount', '1'],
          ['MaxCount', '1'],
          ['InstanceType', type],
        ],
      })),
    // A malformed or unknown id next to a real one: nothing may be stopped or terminated.
    fc
      .tuple(
        fc.constantFrom('TerminateInstances', 'StopInstances', 'DescribeInstances'),
        fc.constantFrom(...BAD_INSTANCE_IDS),
        fc.constantFrom('2', '3', '99999999'),
      )
      .map(([action, bad, index]) => ({
        kind: 'bad instance id',
        pairs: [
          ['Action', action],
          ['Version', '2016-11-15'],
          ['InstanceId.1', '$RUNNING'],
          [`InstanceId.${index}`, bad],
        ],
      })),
    fc.tuple(fc.constantFrom(...BAD_INSTANCE_IDS), fc.constantFrom('Name', 'Arn')).map(([bad, field]) => ({
      kind: 'bad instance id',
      pairs: [
        ['Action', 'AssociateIamInstanceProfile'],
        ['Version', '2016-11-15'],
        ['InstanceId', bad],
        [
          `IamInstanceProfile.${field}`,
          field === 'Name' ? 'WebServerRole' : 'arn:aws:iam::123456789012:instance-profile/WebServerRole',
        ],
      ],
    })),
    fc
      .tuple(
        fc.constantFrom(
          'NoSuchProfile',
          '',
          'arn:aws:iam::123456789012:role/WebServerRole',
          'a'.repeat(200),
          'Web Server',
        ),
        fc.constantFrom('Name', 'Arn', 'Neither'),
      )
      .map(([value, field]) => ({
        kind: 'bad instance profile',
        pairs: [
          ['Action', 'AssociateIamInstanceProfile'],
          ['Version', '2016-11-15'],
          ['InstanceId', '$ANY'],
          ...(field === 'Neither' ? [] : ([[`IamInstanceProfile.${field}`, value]] as Pair[])),
        ],
      })),
    fc
      .tuple(
        fc.constantFrom('ReplaceIamInstanceProfileAssociation', 'DisassociateIamInstanceProfile'),
        fc.constantFrom(
          'i-0123456789abcdef0',
          '',
          'iip-assoc-zzz',
          'iip-assoc-0123456789abcdef0',
          '$RUNNING',
          'iip-assoc-',
        ),
      )
      .map(([action, id]) => ({
        kind: 'bad association id',
        pairs: [
          ['Action', action],
          ['Version', '2016-11-15'],
          ['AssociationId', id],
          ...(action.startsWith('Replace') ? ([['IamInstanceProfile.Name', 'BatchWorkerRole']] as Pair[]) : []),
        ],
      })),
    fc.constantFrom('NoSuchProfile', '', 'arn:aws:iam::123456789012:instance-profile/Nope').map((value) => ({
      kind: 'bad instance profile',
      pairs: [
        ['Action', 'ReplaceIamInstanceProfileAssociation'],
        ['Version', '2016-11-15'],
        ['AssociationId', '$ASSOCIATION'],
        [value.startsWith('arn:') ? 'IamInstanceProfile.Arn' : 'IamInstanceProfile.Name', value],
      ],
    })),
    fc
      .tuple(
        fc.oneof(
          fc.constantFrom('no-such-filter', '', 'instance-state-name ', 'Instance-State-Name'),
          fc.stringMatching(/^[a-z]{1,12}$/).filter((n) => !['vpc', 'owner'].includes(n)),
        ),
        fc.constantFrom('DescribeInstances', 'DescribeIamInstanceProfileAssociations'),
      )
      .map(([name, action]) => ({
        kind: 'unknown filter',
        pairs: [
          ['Action', action],
          ['Version', '2016-11-15'],
          ['Filter.1.Name', name],
          ['Filter.1.Value.1', 'x'],
        ],
      })),
    fc.tuple(fc.constantFrom(...BROKEN_UTF8)).map(([bytes]) => ({
      kind: 'broken UTF-8',
      pairs: [
        ['Action', 'TerminateInstances'],
        ['Version', '2016-11-15'],
      ],
      raw: Buffer.concat([Buffer.from('InstanceId.1=i-0123'), Buffer.from(bytes)]),
    })),
  );
}

function substitute(pairs: readonly Pair[]): Pair[] {
  return pairs.map(([name, value]) => [
    name,
    value === '$RUNNING'
      ? runningInstance
      : value === '$ANY'
        ? anyInstance
        : value === '$ASSOCIATION'
          ? association
          : value,
  ]);
}

function queryBody(defect: Defect, junk: string[], duplicateOf: number | undefined): Buffer {
  const text = assemble(substitute(defect.pairs), junk, duplicateOf);
  return defect.raw ? Buffer.concat([Buffer.from(text), Buffer.from('&'), defect.raw]) : Buffer.from(text);
}

describe('request parsing and validation (property-based, signed requests)', () => {
  it('IAM answers every defective request with ErrorResponse/Error/Code and a 4xx, changing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        iamDefect,
        noise,
        fc.option(fc.nat(10), { nil: undefined }),
        async (defect, junk, duplicateOf) => {
          count('IAM', defect.kind);
          await expectRefused('awsQuery', iamRequest(queryBody(defect, junk, duplicateOf), defect.inQuery));
        },
      ),
      { seed: SEED, numRuns: RUNS * 3, endOnFailure: true },
    );
  }, 60_000);

  it('STS answers unknown actions and versions and bad escapes with its ErrorResponse and a 4xx', async () => {
    const stsDefect = fc.oneof(
      fc
        .stringMatching(/^[A-Za-z]{0,30}$/)
        .filter((a) => a !== 'GetCallerIdentity')
        .map((action) => form({ Action: action, Version: '2011-06-15' })),
      fc
        .oneof(fc.constantFrom('', '2010-05-08', '2011-06-16'), fc.string({ maxLength: 10 }))
        .filter((v) => v !== '2011-06-15')
        .map((version) => form({ Action: 'GetCallerIdentity', Version: version })),
      fc.constantFrom(...BAD_ESCAPES).map((escape) => `Action=GetCallerIdentity&Version=2011-06-15&X=${escape}`),
    );
    await fc.assert(
      fc.asyncProperty(stsDefect, async (body) => {
        count('STS');
        const error = await expectRefused('awsQuery', stsRequest(body));
        expect(error.code).toMatch(/^(InvalidAction|MissingAction|MalformedQueryString)$/);
      }),
      { seed: SEED, numRuns: RUNS / 2, endOnFailure: true },
    );
  }, 60_000);

  it('EC2 answers every defective request with Response/Errors/Error and a 4xx, changing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        ec2Defects(),
        noise,
        fc.option(fc.nat(10), { nil: undefined }),
        async (defect, junk, duplicateOf) => {
          count('EC2', defect.kind);
          await expectRefused('ec2Query', ec2Request(queryBody(defect, junk, duplicateOf), defect.inQuery));
        },
      ),
      { seed: SEED, numRuns: RUNS * 3, endOnFailure: true },
    );
  }, 60_000);

  it('Cognito (JSON 1.1) answers random bodies and targets with {__type, message} and a 400, changing nothing', async () => {
    const idpTargets = ['InitiateAuth', 'RespondToAuthChallenge', 'GetUser', 'GlobalSignOut'].map(
      (op) => `AWSCognitoIdentityProviderService.${op}`,
    );
    const identityTargets = ['GetId', 'GetCredentialsForIdentity'].map((op) => `AWSCognitoIdentityService.${op}`);
    const target = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...idpTargets, ...identityTargets) },
      fc.constantFrom(
        'AWSCognitoIdentityProviderService.AdminCreateUser',
        'AWSCognitoIdentityService.',
        'AWSCognitoIdentityService',
        '.',
        '',
        'AWSCognitoIdentityProviderService.constructor',
        'AWSCognitoIdentityProviderService.__proto__',
      ),
      fc
        .tuple(
          fc.constantFrom('AWSCognitoIdentityProviderService', 'AWSCognitoIdentityService', 'Other'),
          fc.stringMatching(/^[A-Za-z]{0,20}$/),
        )
        .map(([prefix, op]) => `${prefix}.${op}`),
    );
    const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(null), fc.constant([]), fc.constant({}));
    const shaped = fc.record(
      {
        AuthFlow: fc.oneof(
          fc.constantFrom(
            'USER_PASSWORD_AUTH',
            'REFRESH_TOKEN_AUTH',
            'USER_SRP_AUTH',
            'ADMIN_NO_SRP_AUTH',
            'user_password_auth',
          ),
          anyValue,
        ),
        ClientId: fc.oneof(fc.constant('$CLIENT'), anyValue),
        AuthParameters: fc.oneof(
          fc.record(
            {
              USERNAME: fc.oneof(fc.constantFrom('admin', 'viewer', 'newhire'), anyValue),
              PASSWORD: fc.oneof(fc.string(), anyValue),
            },
            { requiredKeys: [] },
          ),
          anyValue,
        ),
        ChallengeName: fc.oneof(fc.constantFrom('NEW_PASSWORD_REQUIRED', 'SMS_MFA'), anyValue),
        Session: anyValue,
        ChallengeResponses: fc.oneof(
          fc.record({ USERNAME: fc.constantFrom('newhire'), NEW_PASSWORD: fc.string() }),
          anyValue,
        ),
        AccessToken: fc.oneof(fc.string(), anyValue),
        IdentityPoolId: fc.oneof(fc.constant('$POOL'), anyValue),
        IdentityId: anyValue,
        Logins: fc.oneof(
          fc.dictionary(fc.oneof(fc.constant('$PROVIDER'), fc.string()), anyValue, { maxKeys: 3 }),
          anyValue,
        ),
        CustomRoleArn: anyValue,
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      shaped.map((value) => ({ kind: 'wrong types', text: JSON.stringify(value) })),
      fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: 'random JSON', text: JSON.stringify(value) })),
      fc.string({ maxLength: 60 }).map((text) => ({ kind: 'not JSON', text })),
      fc
        .tuple(fc.integer({ min: 100, max: 100_000 }), fc.constantFrom('[', '{"a":'))
        .map(([depth, open]) => ({ kind: 'deep nesting', text: `${open.repeat(depth)}` })),
      fc
        .integer({ min: 100, max: 5000 })
        .map((depth) => ({
          kind: 'deep nesting',
          text: `{"ClientId":"$CLIENT","AuthFlow":"USER_PASSWORD_AUTH","AuthParameters":${nested(depth, 'object')}}`,
        })),
      fc.constantFrom(...BROKEN_UTF8).map((bytes) => ({ kind: 'broken UTF-8', text: '', raw: bytes })),
    );
    await fc.assert(
      fc.asyncProperty(target, body, async (targetName, generated) => {
        count('Cognito', generated.kind);
        const provider = `cognito-idp.us-east-1.amazonaws.com/${config.userPoolId}`;
        const text = generated.text
          .replaceAll('$CLIENT', config.userPoolClientId)
          .replaceAll('$POOL', config.identityPoolId)
          .replaceAll('$PROVIDER', provider);
        const payload =
          'raw' in generated && generated.raw
            ? Buffer.concat([
                Buffer.from(
                  `{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"${config.userPoolClientId}","AuthParameters":{"USERNAME":"admin","PASSWORD":"`,
                ),
                Buffer.from(generated.raw),
                Buffer.from('"}}'),
              ])
            : Buffer.from(text);
        const service = targetName.startsWith('AWSCognitoIdentityService') ? 'cognito-identity' : 'cognito-idp';
        const error = await expectRefused('json', {
          service,
          credentials: ADMIN_KEY,
          target: targetName,
          body: payload,
          date: NOW,
        });
        expect(error.code).toMatch(/Exception$/);
      }),
      { seed: SEED, numRuns: RUNS * 3, endOnFailure: true },
    );
  }, 60_000);

  it('refuses bodies beyond the size limit in each protocol, without reading them', async () => {
    const oversized = Buffer.alloc(20 * 1024 * 1024 + 1, 'a');
    const cases: [ParsedError['protocol'], WireRequest][] = [
      ['awsQuery', iamRequest(oversized)],
      ['ec2Query', ec2Request(oversized)],
      [
        'json',
        {
          service: 'cognito-idp',
          credentials: ADMIN_KEY,
          target: 'AWSCognitoIdentityProviderService.InitiateAuth',
          body: oversized,
          date: NOW,
        },
      ],
    ];
    for (const [protocol, request] of cases) {
      count('oversized body');
      const error = await expectRefused(protocol, request);
      expect(error.code).toMatch(/^RequestEntityTooLarge(Exception)?$/);
    }
  }, 30_000);
});
