/**
 * Where AWS is for this browser session. Set once at start-up from the runtime configuration
 * (src/app/runtime-config.ts); read by the client factories and the error normaliser.
 */
export interface AwsEnvironment {
  /** Local AWS base URL (every service behind one endpoint), or undefined for real AWS. */
  endpoint?: string;
  /** Default region: IAM and STS are global and use it; EC2 follows the region selector. */
  region: string;
}

let current: AwsEnvironment | undefined;

export function setAwsEnvironment(environment: AwsEnvironment): void {
  current = { ...environment };
}

export function getAwsEnvironment(): AwsEnvironment {
  if (!current) throw new Error('AWS environment used before the runtime configuration was loaded');
  return current;
}

/** For messages only: never throws. */
export function describeAwsLocation(): string {
  if (!current) return 'AWS';
  return current.endpoint ?? `AWS (${current.region})`;
}

/** The Cognito resources the console signs in with. */
export interface CognitoSettings {
  userPoolId: string;
  userPoolClientId: string;
  identityPoolId: string;
}

let cognito: CognitoSettings | undefined;

export function setCognitoSettings(settings: CognitoSettings): void {
  cognito = { ...settings };
}

export function getCognitoSettings(): CognitoSettings {
  if (!cognito) throw new Error('Cognito settings used before the runtime configuration was loaded');
  return cognito;
}

/** Cognito IDs start with their region: "us-east-1_AbC" (user pool), "us-east-1:uuid" (identity pool). */
export function regionOfCognitoId(id: string): string {
  const match = /^([a-z]{2}(?:-[a-z]+)+-\d+)[_:]/.exec(id);
  if (!match) throw new Error(`Cannot tell the region of Cognito ID "${id}"`);
  return match[1]!;
}
