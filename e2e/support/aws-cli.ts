/** Runs the real AWS CLI v2 (/usr/bin/aws) as local-admin against the local AWS the e2e global setup started. */
import { execFile } from 'node:child_process';
import { localAwsUrl } from './local-aws.ts';

export interface AwsCliResult {
  status: number;
  stdout: string;
  stderr: string;
  json: unknown;
}

export function awsCli(args: readonly string[]): Promise<AwsCliResult> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
    AWS_DEFAULT_OUTPUT: 'json',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  return new Promise((resolve) => {
    execFile('/usr/bin/aws', ['--endpoint-url', localAwsUrl(), ...args], { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      let json: unknown;
      try {
        json = stdout.trim() ? JSON.parse(stdout) : undefined;
      } catch {
        json = undefined;
      }
      const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ status, stdout, stderr, json });
    });
  });
}

/** Like awsCli, but throws with the CLI's stderr when it fails. */
export async function awsCliOk<T = unknown>(args: readonly string[]): Promise<T> {
  const result = await awsCli(args);
  if (result.status !== 0) throw new Error(`aws ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.json as T;
}
