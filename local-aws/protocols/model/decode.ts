/**
 * The protocol layer's front door for inputs: every operation's request decoded and checked against AWS's model
 * before its handler runs. Handlers receive `Decoded<SdkInput>`: required members present, wire types right.
 */
import { decodeJsonBody } from '../json.ts';
import { decodeJsonObject } from './json.ts';
import { decodeError, type DecodeProblem } from './problems.ts';
import { decodeQueryParams } from './query.ts';
import type { OperationModel, ServiceModel } from './shapes.ts';

function known(model: ServiceModel, operationName: string): OperationModel {
  const operation = model.operation(operationName);
  // The server only calls this for operations the service serves, which ServiceModel checked at start-up.
  if (!operation) throw new Error(`${operationName} is not in the service model`);
  return operation;
}

function orThrow(model: ServiceModel, input: Record<string, unknown>, problems: readonly DecodeProblem[]): Record<string, unknown> {
  if (problems.length > 0) throw decodeError(model.protocol, problems);
  return input;
}

/** awsQuery / ec2Query: the parameters of the URL and the form body, already merged. */
export function decodeQueryInput(model: ServiceModel, operationName: string, params: ReadonlyMap<string, string>): Record<string, unknown> {
  const problems: DecodeProblem[] = [];
  return orThrow(model, decodeQueryParams(known(model, operationName), params, problems), problems);
}

/** awsJson1.1: the request body's text (empty means no members). */
export function decodeJsonInput(model: ServiceModel, operationName: string, body: string): Record<string, unknown> {
  const problems: DecodeProblem[] = [];
  return orThrow(model, decodeJsonObject(known(model, operationName), decodeJsonBody(body), problems), problems);
}
