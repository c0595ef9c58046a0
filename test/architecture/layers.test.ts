import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { circles, importGraph } from './import-graph.ts';

const root = join(import.meta.dirname, '..', '..');

describe('local AWS import graph', () => {
  it('has no circle', () => {
    const graph = importGraph(root, 'local-aws');
    expect(graph.size).toBeGreaterThan(50);
    expect(circles(graph)).toEqual([]);
  });

  it('finds a circle, and only the files on it', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['a', 'e']],
    ]);
    expect(circles(graph)).toEqual([['a', 'b', 'c'], ['e']]);
  });
});

describe('import zones (eslint.config.js)', () => {
  const eslint = new ESLint({ cwd: root });
  const restricted = async (file: string, specifier: string): Promise<boolean> => {
    const [result] = await eslint.lintText(`export * from '${specifier}';\n`, { filePath: join(root, file) });
    return result!.messages.some((message) => message.ruleId === 'no-restricted-imports');
  };

  it.each([
    ['local-aws/services/iam/handlers/probe.ts', '../../../server/world.ts'],
    ['local-aws/services/ec2/probe.ts', '../../server/app.ts'],
    ['local-aws/seed/probe.ts', '../server/world.ts'],
    ['local-aws/protocols/probe.ts', '../services/iam/model.ts'],
    ['local-aws/iam-policy/probe.ts', '../server/sigv4.ts'],
    ['local-aws/store/probe.ts', '../seed/index.ts'],
    ['local-aws/identity/probe.ts', '../services/ec2/model.ts'],
    ['local-aws/server/probe.ts', '../../src/aws/errors.ts'],
    ['local-aws/services/iam/probe.ts', '../../../src/aws/errors.ts'],
    ['src/features/roles/probe.ts', '../../../local-aws/config.ts'],
    ['aws-rules/probe.ts', '../src/aws/errors.ts'],
    ['aws-rules/probe.ts', '../local-aws/config.ts'],
  ])('%s may not import %s', async (file, specifier) => {
    expect(await restricted(file, specifier)).toBe(true);
  });

  it.each([
    ['local-aws/server/probe.ts', '../services/iam/model.ts'],
    ['local-aws/server/probe.ts', '../seed/index.ts'],
    ['local-aws/seed/probe.ts', '../services/iam/model.ts'],
    ['local-aws/services/ec2/probe.ts', '../iam/model.ts'],
    ['local-aws/services/iam/handlers/probe.ts', '../../../protocols/operation.ts'],
    ['local-aws/protocols/probe.ts', '../iam-policy/evaluate.ts'],
    ['local-aws/services/iam/probe.ts', '../../../aws-rules/iam.ts'],
    ['src/features/roles/probe.ts', '../../../aws-rules/iam'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await restricted(file, specifier)).toBe(false);
  });
});
