/**
 * An acknowledged write survives `kill -9`: local AWS runs as its own process (npm run local-aws) with state on
 * disk, the CLI creates a role, the process is killed without warning, and a new process still has the role.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { aws, fileArg } from './cli.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'local-aws-durability-'));
const running: ChildProcess[] = [];

/** Starts `local-aws/server/main.ts` on a free port and resolves with its URL once it listens. */
async function startProcess(): Promise<{ url: string; child: ChildProcess }> {
  // `node --import tsx` keeps the server in this one process: tsx's CLI would put it in a grandchild that
  // SIGKILL of the child does not reach.
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'local-aws', 'server', 'main.ts')], {
    cwd: repoRoot,
    env: { ...process.env, LOCAL_AWS_PORT: '0', LOCAL_AWS_DATA_DIR: dataDir, LOCAL_AWS_FAULTS: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`local AWS exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  return { url, child };
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

afterAll(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('state on disk', () => {
  it('keeps a role created just before kill -9', async () => {
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const first = await startProcess();
    const created = await aws(['iam', 'create-role', '--role-name', 'SurvivesKill', '--assume-role-policy-document', fileArg(trust)], {
      endpoint: first.url,
    });
    expect(created.status).toBe(0);
    await killHard(first.child);

    const second = await startProcess();
    const found = await aws(['iam', 'get-role', '--role-name', 'SurvivesKill'], { endpoint: second.url });
    expect(found.status).toBe(0);
    expect(found.json).toMatchObject({ Role: { RoleName: 'SurvivesKill', Arn: 'arn:aws:iam::123456789012:role/SurvivesKill' } });
    await killHard(second.child);
  }, 120_000);
});
