/**
 * One HTTP server for every service: CORS, /_local endpoints, routing, SigV4 checked from the head
 * before the body is read, bounded bodies hashed as they stream, fault injection, authorization
 * bookkeeping, one store transaction per call, and AWS's response shapes for each protocol.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { DEFAULT_REGION, REGIONS } from '../config.ts';
import type { SigningCredential } from '../identity/credentials.ts';
import { AwsError } from '../protocols/aws-error.ts';
import { AWS_QUERY_CONTENT_TYPE, serializeAwsQueryError, serializeAwsQuerySuccess } from '../protocols/aws-query.ts';
import { EC2_CONTENT_TYPE, serializeEc2Error, serializeEc2Success } from '../protocols/ec2-query.ts';
import { parseForm } from '../protocols/form.ts';
import { JSON_11_CONTENT_TYPE, serializeJsonError, serializeJsonSuccess } from '../protocols/json.ts';
import { decodeJsonInput, decodeQueryInput } from '../protocols/model/decode.ts';
import type { Store } from '../store/store.ts';
import { RequestAuthorizer, type PrincipalPolicySource } from './authorize.ts';
import { corsHeaders, preflightHeaders } from './cors.ts';
import { describeFaults, type FaultInjector } from './faults.ts';
import { handleLocalRequest, sendLocalRefusal, type LocalEndpointDeps } from './local-endpoints.ts';
import { addressedService, OriginPolicy } from './origin-policy.ts';
import type { RequestContext, ServiceDefinition } from '../protocols/operation.ts';
import { routeRequest, serviceTable } from './router.ts';
import {
  authError,
  internalError,
  jsonTooDeep,
  missingAction,
  missingAuthorizationCheck,
  refusedByOriginPolicy,
  requestTooLarge,
  throttlingError,
  unknownAction,
  unknownJsonOperation,
} from './service-errors.ts';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH, readBody, type BodyRead } from './body.ts';
import {
  checkSigV4Head,
  checkSignature,
  parseAuthorization,
  parsePresignedQuery,
  SigV4Failure,
  type CheckedHead,
  type ParsedAuthorization,
  type SigV4RequestHead,
} from './sigv4.ts';

/**
 * Largest signed request body accepted. AWS documents no single figure for the query protocols; 20 MiB
 * is far above any IAM/EC2/Cognito request (policy documents are capped at 131072 characters).
 */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

/**
 * Largest unsigned request body, per protocol: what a stranger can make the server hold per request, read
 * before anything is known about the sender.
 * - json1.1: Cognito's public operations (InitiateAuth, RespondToAuthChallenge, GetId, …). Their largest
 *   inputs (a few tokens of a few KB, or SignUp's attribute list at 2048 characters per value) stay far below 256 KiB.
 * - query protocols: no IAM/EC2/STS operation served here is public, so an unsigned body is read only to find
 *   its Version and Action and answer in that service's words; 64 KiB holds any real query request's head.
 */
export const MAX_UNSIGNED_BODY_BYTES: Readonly<Record<'json' | 'query', number>> = { json: 256 * 1024, query: 64 * 1024 };

/** What the server needs from the world; replaced as a whole by /_local/reset. */
export interface LocalAwsRuntime {
  store: Pick<Store, 'transaction'>;
  credentials: { find(accessKeyId: string): SigningCredential | undefined };
  policies: PrincipalPolicySource;
  services: readonly ServiceDefinition[];
  /** The record served by GET /_local/config (undefined before seeding). */
  config(): unknown;
  /** Unsigned JSON documents AWS publishes over plain GET (Cognito's JWKS); undefined when the path is not one. */
  publicDocument(method: string, pathname: string): { status: number; body: unknown } | undefined;
}

export interface LocalAwsServerOptions {
  runtime(): LocalAwsRuntime;
  reset(): Promise<void> | void;
  faults: FaultInjector;
  iamPropagationMs: LocalEndpointDeps['iamPropagationMs'];
  clock?: () => Date;
  /** Regions EC2 serves; other services accept any well-formed region in the credential scope. */
  ec2Regions?: readonly string[];
  maxBodyBytes?: number;
  /** Connection timeouts, DEFAULT_SERVER_TIMEOUTS where not given (tests shorten them). */
  timeouts?: Partial<ServerTimeouts>;
  log?: (line: string) => void;
  health?: () => Record<string, unknown>;
  /** Which Hosts and web origins are answered; by default loopback names and no web origin at all. */
  originPolicy?: OriginPolicy;
}

const WELL_FORMED_REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** Thrown inside the transaction so that the effects of a handler that skipped authorization roll back. */
class AuthorizationNotChecked extends Error {}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Adds the parameters of a form text (query string or body) to `params`; returns the error of a malformed one. */
function parseFormInto(text: string, params: Map<string, string>): AwsError | undefined {
  try {
    parseForm(text, params);
    return undefined;
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    return error;
  }
}

function hasPublicOperation(service: ServiceDefinition): boolean {
  return Object.values(service.operations).some((operation) => operation.public === true);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface Reply {
  status: number;
  contentType: string;
  body: string;
  extraHeaders?: Record<string, string>;
}

function errorReply(service: ServiceDefinition | undefined, error: AwsError, requestId: string): Reply {
  if (service?.protocol === 'json1.1') {
    return { status: error.status, contentType: JSON_11_CONTENT_TYPE, body: serializeJsonError(error), extraHeaders: { 'x-amzn-ErrorType': error.code } };
  }
  if (service?.protocol === 'ec2Query') {
    return { status: error.status, contentType: EC2_CONTENT_TYPE, body: serializeEc2Error(error, requestId) };
  }
  const namespace = service?.xmlNamespace ?? 'https://iam.amazonaws.com/doc/2010-05-08/';
  return { status: error.status, contentType: AWS_QUERY_CONTENT_TYPE, body: serializeAwsQueryError(error, namespace, requestId) };
}

function successReply(service: ServiceDefinition, operation: string, output: unknown, requestId: string): Reply {
  const outputShape = service.model.operation(operation)?.output;
  switch (service.protocol) {
    case 'json1.1':
      return { status: 200, contentType: JSON_11_CONTENT_TYPE, body: serializeJsonSuccess(outputShape, output) };
    case 'ec2Query':
      return { status: 200, contentType: EC2_CONTENT_TYPE, body: serializeEc2Success(operation, output, requestId, service.xmlNamespace) };
    case 'awsQuery':
      return {
        status: 200,
        contentType: AWS_QUERY_CONTENT_TYPE,
        body: serializeAwsQuerySuccess(operation, service.xmlNamespace, outputShape, output, requestId),
      };
  }
}

function send(res: ServerResponse, reply: Reply, requestId: string, origin: string | undefined): void {
  res.writeHead(reply.status, {
    'Content-Type': reply.contentType,
    'Content-Length': Buffer.byteLength(reply.body),
    'x-amzn-RequestId': requestId,
    ...corsHeaders(origin),
    ...reply.extraHeaders,
  });
  res.end(reply.body);
}

function isThenable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

export function createLocalAwsHandler(options: LocalAwsServerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.error(line));
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const ec2Regions = options.ec2Regions ?? REGIONS;
  const ec2Region = (region: string) => ec2Regions.includes(region);
  const anyRegion = (region: string) => WELL_FORMED_REGION.test(region);
  const startedAt = new Date();
  const originPolicy = options.originPolicy ?? new OriginPolicy();

  const localDeps: LocalEndpointDeps = {
    health: () => ({
      services: options.runtime().services.map((s) => s.name),
      startedAt: startedAt.toISOString(),
      uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      faults: describeFaults(options.faults.settings),
      ...options.health?.(),
    }),
    config: () => options.runtime().config(),
    reset: () => options.reset(),
    faults: options.faults,
    iamPropagationMs: options.iamPropagationMs,
  };

  /** The body limit of an unsigned request to a service of `protocol` (signed requests get `limit`). */
  const unsignedLimit = (protocol: ServiceDefinition['protocol']): number =>
    Math.min(limit, MAX_UNSIGNED_BODY_BYTES[protocol === 'json1.1' ? 'json' : 'query']);

  async function serveAws(req: IncomingMessage, res: ServerResponse, url: string): Promise<void> {
    const requestId = randomUUID();
    const origin = headerText(req.headers.origin);
    const runtime = options.runtime();
    const table = serviceTable(runtime.services);
    const now = clock();
    const head: SigV4RequestHead = { method: req.method ?? 'POST', url, rawHeaders: req.rawHeaders };

    // Query parameters of the URL (query protocols only): Version, Action, or a presigned signature.
    const target = headerText(req.headers['x-amz-target']);
    let params: Map<string, string> | undefined;
    let paramsError: AwsError | undefined;
    if (target === undefined) {
      params = new Map();
      const q = url.indexOf('?');
      if (q !== -1) paramsError = parseFormInto(url.slice(q + 1), params);
    }

    // Authentication, part 1: what the head says (Authorization header or presigned query string).
    const authorizationHeader = headerText(req.headers.authorization);
    let auth: ParsedAuthorization | undefined;
    let authFailure: SigV4Failure | undefined;
    try {
      auth = authorizationHeader !== undefined ? parseAuthorization(authorizationHeader) : params && parsePresignedQuery(params);
    } catch (error) {
      if (!(error instanceof SigV4Failure)) throw error;
      authFailure = error;
    }

    // Until the whole body is read, an answer closes the connection: the rest of the body is never taken in.
    let bodyRead: BodyRead | undefined;
    let formRead = false;
    const bodyUnread = (): Record<string, string> | undefined => (bodyRead?.kind === 'read' ? undefined : { Connection: 'close' });

    let route = routeRequest(table, target, auth?.service, params?.get('Version'));
    if (route.kind === 'unroutable' && params !== undefined) {
      // Only the body can say which service an unsigned (or unusably signed) query request addresses: read a little of it.
      bodyRead = await readBody(req, unsignedLimit('awsQuery'));
      if (bodyRead.kind === 'aborted') return;
      if (bodyRead.kind === 'read') {
        paramsError ??= parseFormInto(bodyRead.body.toString('utf8'), params);
        formRead = true;
        route = routeRequest(table, target, auth?.service, params.get('Version'));
      }
    }
    if (route.kind === 'unknown-target') {
      const error = unknownJsonOperation(route.target);
      const extraHeaders = { 'x-amzn-ErrorType': error.code, ...bodyUnread() };
      send(res, { status: 400, contentType: JSON_11_CONTENT_TYPE, body: serializeJsonError(error), extraHeaders }, requestId, origin);
      return;
    }
    if (route.kind === 'unroutable') {
      const error =
        auth === undefined && authFailure === undefined
          ? new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403)
          : new AwsError('InvalidAction', 'Could not find the service addressed: sign for iam, sts or ec2, or send X-Amz-Target.', 400);
      send(res, { ...errorReply(undefined, error, requestId), extraHeaders: bodyUnread() }, requestId, origin);
      return;
    }
    const service = route.service;
    // Set by the drop-after fault: the call is carried out, but whatever it answers is never sent.
    let loseReply = false;
    const deliver = (reply: Reply): void => {
      if (loseReply) req.socket.destroy();
      else send(res, reply, requestId, origin);
    };
    const fail = (error: AwsError): void => {
      const reply = errorReply(service, error, requestId);
      const extra = bodyUnread();
      if (extra) reply.extraHeaders = { ...reply.extraHeaders, ...extra };
      deliver(reply);
    };
    const operations = service.operations;
    const operationNamed = (name: string | undefined) => (name !== undefined && Object.hasOwn(operations, name) ? operations[name] : undefined);

    // An unknown JSON operation is named before authentication (the target alone decides it).
    if (route.kind === 'json' && !operationNamed(route.operation)) return fail(unknownJsonOperation(route.target));

    // Authentication, part 2: the key, scope, token and date, still before the body is read.
    let checkedHead: CheckedHead | undefined;
    if (authFailure) return fail(authError(service.name, authFailure));
    if (auth) {
      try {
        checkedHead = checkSigV4Head(head, auth, {
          service: service.name,
          isValidRegion: service.name === 'ec2' ? ec2Region : anyRegion,
          now,
          findCredential: (id) => runtime.credentials.find(id),
        });
      } catch (error) {
        if (!(error instanceof SigV4Failure)) throw error;
        return fail(authError(service.name, error));
      }
    } else if (route.kind === 'json' ? !operationNamed(route.operation)!.public : !hasPublicOperation(service)) {
      return fail(authError(service.name, new SigV4Failure('missing', '')));
    }

    // The body: signed requests may send the full limit, unsigned ones their protocol's smaller one.
    const bodyLimit = checkedHead ? limit : unsignedLimit(service.protocol);
    bodyRead ??= await readBody(req, bodyLimit);
    if (bodyRead.kind === 'aborted') return;
    if (bodyRead.kind === 'too-large') return fail(requestTooLarge(service.name, bodyLimit));
    const body = bodyRead.body;
    if (params !== undefined && !formRead) paramsError ??= parseFormInto(body.toString('utf8'), params);

    // Authentication, part 3: the signature, over the body's hash as it streamed in.
    const credential = checkedHead?.credential;
    if (auth && checkedHead) {
      try {
        checkSignature(head, auth, checkedHead, bodyRead.sha256);
      } catch (error) {
        if (!(error instanceof SigV4Failure)) throw error;
        return fail(authError(service.name, error));
      }
    }
    if (paramsError) return fail(paramsError);

    const operationName = route.kind === 'json' ? route.operation : params!.get('Action');
    const operation = operationNamed(operationName);
    if (!auth && !operation?.public) return fail(authError(service.name, new SigV4Failure('missing', '')));

    // Fault injection.
    if (options.faults.active) {
      const decision = options.faults.decide(operationName ?? '');
      if (decision.drop) {
        req.socket.destroy();
        return;
      }
      loseReply = decision.dropAfter;
      if (decision.delayMs > 0) await sleep(decision.delayMs);
      if (decision.answer === 'throttle') return fail(throttlingError(service.name));
      if (decision.answer === 'error') return fail(internalError(service.name));
    }

    // Operation checks.
    if (service.protocol !== 'json1.1') {
      if (operationName === undefined || operationName === '') return fail(missingAction(service.name));
      const version = params!.get('Version') ?? '';
      if (service.protocol === 'awsQuery' && version !== service.version) return fail(unknownAction(service.name, operationName, version));
      if (!operation) return fail(unknownAction(service.name, operationName, version));
    }

    const caller = credential?.caller;
    const region = auth?.region ?? DEFAULT_REGION;
    const remote = req.socket.remoteAddress ?? '';
    const authorizer = new RequestAuthorizer(runtime.policies, {
      service,
      caller,
      region,
      now,
      sourceIp: remote.startsWith('::ffff:') ? remote.slice(7) : remote,
    });
    const context: RequestContext = { requestId, service: service.name, region, now, caller, authorize: authorizer.authorize };

    if (service.protocol === 'json1.1' && jsonNestsDeeperThan(body, MAX_JSON_DEPTH)) return fail(jsonTooDeep(MAX_JSON_DEPTH));

    let output: unknown;
    try {
      // Decoded against AWS's model: a missing required member or a malformed value is answered here, before the handler.
      const input =
        service.protocol === 'json1.1'
          ? decodeJsonInput(service.model, operationName!, body.toString('utf8'))
          : decodeQueryInput(service.model, operationName!, params!);
      const prepared = await operation!.prepare?.(input, context);
      output = runtime.store.transaction(() => {
        const result = operation!.handle(input, context, prepared);
        if (isThenable(result)) throw new Error(`${service.name}:${operationName} returned a promise; handlers must be synchronous`);
        if (caller && !operation!.public && !authorizer.called) throw new AuthorizationNotChecked();
        return result;
      });
    } catch (error) {
      if (error instanceof AwsError) return fail(error);
      if (error instanceof AuthorizationNotChecked) {
        log(`[local-aws] BUG ${requestId} ${service.name}:${operationName} finished without calling ctx.authorize; answered 500 and rolled back`);
        return fail(missingAuthorizationCheck(service.name));
      }
      log(`[local-aws] ${requestId} ${service.name}:${operationName} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fail(internalError(service.name));
    }

    let reply: Reply;
    try {
      reply = successReply(service, operationName!, output, requestId);
    } catch (error) {
      log(`[local-aws] ${requestId} ${service.name}:${operationName} output could not be serialized: ${error instanceof Error ? error.message : String(error)}`);
      return fail(internalError(service.name));
    }
    deliver(reply);
  }

  function serveDocument(req: IncomingMessage, res: ServerResponse, url: string): boolean {
    const q = url.indexOf('?');
    const document = options.runtime().publicDocument(req.method ?? 'GET', q === -1 ? url : url.slice(0, q));
    if (!document) return false;
    const body = JSON.stringify(document.body);
    res.writeHead(document.status, {
      ...corsHeaders(headerText(req.headers.origin)),
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }

  function refuse(req: IncomingMessage, res: ServerResponse, isLocal: boolean, message: string): void {
    req.resume();
    if (isLocal) return sendLocalRefusal(res, message);
    const service = addressedService(serviceTable(options.runtime().services), req.headers);
    const requestId = randomUUID();
    send(res, errorReply(service, refusedByOriginPolicy(service?.name, message), requestId), requestId, undefined);
  }

  return (req, res) => {
    const url = req.url ?? '/';
    const isLocal = url.startsWith('/_local/') || url === '/_local';
    // Before anything else: after this, the request has no Origin or an allowed one, which CORS headers echo.
    const refusal = originPolicy.refusal(req);
    if (refusal !== undefined) return refuse(req, res, isLocal, refusal);
    let work: Promise<void>;
    if (isLocal) {
      const q = url.indexOf('?');
      work = handleLocalRequest(req, res, q === -1 ? url : url.slice(0, q), localDeps);
    } else if (serveDocument(req, res, url)) {
      return;
    } else if (req.method === 'OPTIONS') {
      res.writeHead(200, { ...preflightHeaders(headerText(req.headers.origin)), 'Content-Length': 0 });
      res.end();
      return;
    } else {
      work = serveAws(req, res, url);
    }
    work.catch((error: unknown) => {
      log(`[local-aws] unexpected failure for ${req.method} ${url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const reply = errorReply(undefined, new AwsError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500), '');
      send(res, reply, randomUUID(), headerText(req.headers.origin));
    });
  };
}

/**
 * How long connections may take, as a front end such as nginx or an ALB bounds them. Node enforces the
 * header and request timeouts by answering 408 and closing the socket.
 */
export interface ServerTimeouts {
  /** From the connection (on a kept-alive one, from the request's first byte) to the end of its headers. */
  headersMs: number;
  /**
   * From the first byte to the end of the body: the slow-body guard. 30 s carries the largest body
   * (20 MiB) at under 1 MB/s, far slower than any local client.
   */
  requestMs: number;
  /**
   * An idle keep-alive connection is closed after this long. Longer than the clients' own idle timeouts
   * (browsers and the SDK's agent), so that a client never reuses a socket the server is closing.
   */
  keepAliveMs: number;
  /** How often Node checks the header and request timeouts (their resolution). */
  checkIntervalMs: number;
}

export const DEFAULT_SERVER_TIMEOUTS: ServerTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 65_000, checkIntervalMs: 1_000 };

export function createLocalAwsServer(options: LocalAwsServerOptions): Server {
  const timeouts = { ...DEFAULT_SERVER_TIMEOUTS, ...options.timeouts };
  const server = createServer(
    { headersTimeout: timeouts.headersMs, requestTimeout: timeouts.requestMs, connectionsCheckingInterval: timeouts.checkIntervalMs },
    createLocalAwsHandler(options),
  );
  server.keepAliveTimeout = timeouts.keepAliveMs;
  return server;
}
