/**
 * One HTTP server for every service: CORS, /_local endpoints, body limits, routing, SigV4,
 * fault injection, authorization bookkeeping, one store transaction per call, and AWS's
 * response shapes for each protocol.
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
import { handleLocalRequest, type LocalEndpointDeps } from './local-endpoints.ts';
import type { RequestContext, ServiceDefinition } from '../protocols/operation.ts';
import { routeRequest, serviceTable } from './router.ts';
import {
  authError,
  internalError,
  missingAction,
  missingAuthorizationCheck,
  requestTooLarge,
  throttlingError,
  unknownAction,
  unknownJsonOperation,
} from './service-errors.ts';
import { parseAuthorization, SigV4Failure, verifySigV4, type ParsedAuthorization } from './sigv4.ts';

/**
 * Largest request body accepted. AWS documents no single figure for the query protocols; 20 MiB
 * is far above any IAM/EC2/Cognito request (policy documents are capped at 131072 characters).
 */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

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
  log?: (line: string) => void;
  health?: () => Record<string, unknown>;
}

const WELL_FORMED_REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** Thrown inside the transaction so that the effects of a handler that skipped authorization roll back. */
class AuthorizationNotChecked extends Error {}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) {
    req.resume();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
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

  async function serveAws(req: IncomingMessage, res: ServerResponse, url: string): Promise<void> {
    const requestId = randomUUID();
    const origin = headerText(req.headers.origin);
    const body = await readBody(req, limit);
    const runtime = options.runtime();
    const table = serviceTable(runtime.services);

    const target = headerText(req.headers['x-amz-target']);
    const authorizationHeader = headerText(req.headers.authorization);
    let auth: ParsedAuthorization | undefined;
    let authFailure: SigV4Failure | undefined;
    if (authorizationHeader !== undefined) {
      try {
        auth = parseAuthorization(authorizationHeader);
      } catch (error) {
        if (!(error instanceof SigV4Failure)) throw error;
        authFailure = error;
      }
    }

    // Query parameters: from the URL and the form body, parsed once.
    let params: Map<string, string> | undefined;
    let paramsError: AwsError | undefined;
    if (target === undefined) {
      const q = url.indexOf('?');
      try {
        params = q === -1 ? new Map() : parseForm(url.slice(q + 1));
        if (body && body.length > 0) parseForm(body.toString('utf8'), params);
      } catch (error) {
        if (!(error instanceof AwsError)) throw error;
        paramsError = error;
      }
    }

    const route = routeRequest(table, target, auth?.service, params?.get('Version'));
    if (route.kind === 'unknown-target') {
      const error = unknownJsonOperation(route.target);
      send(res, { status: 400, contentType: JSON_11_CONTENT_TYPE, body: serializeJsonError(error), extraHeaders: { 'x-amzn-ErrorType': error.code } }, requestId, origin);
      return;
    }
    if (route.kind === 'unroutable') {
      const error =
        authorizationHeader === undefined
          ? new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403)
          : new AwsError('InvalidAction', 'Could not find the service addressed: sign for iam, sts or ec2, or send X-Amz-Target.', 400);
      send(res, errorReply(undefined, error, requestId), requestId, origin);
      return;
    }
    const service = route.service;
    // Set by the drop-after fault: the call is carried out, but whatever it answers is never sent.
    let loseReply = false;
    const deliver = (reply: Reply): void => {
      if (loseReply) req.socket.destroy();
      else send(res, reply, requestId, origin);
    };
    const fail = (error: AwsError, extra?: Record<string, string>): void => {
      const reply = errorReply(service, error, requestId);
      if (extra) reply.extraHeaders = { ...reply.extraHeaders, ...extra };
      deliver(reply);
    };

    if (body === undefined) {
      // The rest of an oversized body is not read: close the connection after answering.
      fail(requestTooLarge(service.name, limit), { Connection: 'close' });
      return;
    }
    if (paramsError) return fail(paramsError);

    const operationName = route.kind === 'json' ? route.operation : params!.get('Action');
    const operations = service.operations;
    const operation = operationName !== undefined && Object.hasOwn(operations, operationName) ? operations[operationName] : undefined;

    // An unknown JSON operation is named before authentication (the target alone decides it).
    if (route.kind === 'json' && !operation) return fail(unknownJsonOperation(route.target));

    // Authentication.
    const now = clock();
    let credential: SigningCredential | undefined;
    if (authFailure) return fail(authError(service.name, authFailure));
    if (auth) {
      try {
        credential = verifySigV4(
          { method: req.method ?? 'POST', url, rawHeaders: req.rawHeaders, body },
          auth,
          {
            service: service.name,
            isValidRegion: service.name === 'ec2' ? ec2Region : anyRegion,
            now,
            findCredential: (id) => runtime.credentials.find(id),
          },
        );
      } catch (error) {
        if (!(error instanceof SigV4Failure)) throw error;
        return fail(authError(service.name, error));
      }
    } else if (!operation?.public) {
      return fail(authError(service.name, new SigV4Failure('missing', '')));
    }

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

    let output: unknown;
    try {
      // Decoded against AWS's model: a missing required member or a malformed value is answered here, before the handler.
      const input =
        service.protocol === 'json1.1'
          ? decodeJsonInput(service.model, operationName!, body.toString('utf8'))
          : decodeQueryInput(service.model, operationName!, params!);
      output = runtime.store.transaction(() => {
        const result = operation!.handle(input, context);
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

  return (req, res) => {
    const url = req.url ?? '/';
    let work: Promise<void>;
    if (url.startsWith('/_local/') || url === '/_local') {
      const q = url.indexOf('?');
      work = handleLocalRequest(req, res, q === -1 ? url : url.slice(0, q), localDeps);
    } else if (serveDocument(req, res, url)) {
      return;
    } else if (req.method === 'OPTIONS') {
      res.writeHead(200, { ...preflightHeaders(req.headers), 'Content-Length': 0 });
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

export function createLocalAwsServer(options: LocalAwsServerOptions): Server {
  const server = createServer(createLocalAwsHandler(options));
  // Clients (SDK, CLI, browsers) reuse connections; keep them longer than Node's 5 s default.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}
