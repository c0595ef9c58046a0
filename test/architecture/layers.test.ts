import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { circles, importGraph, type ImportGraph } from './import-graph.ts';

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

/** The console's layer of a file of `src/`: `app`, `features/<name>`, or a shared layer (`aws`, `components`, …). */
function consoleLayer(file: string): string {
  const [, top, feature] = file.split('/');
  return top === 'features' ? `features/${feature}` : top!;
}

/** Arrows that run against the console's layers: between two features, or up into app/ from anything but main.tsx. */
function arrowsAgainstLayers(graph: ImportGraph): string[] {
  return [...graph].flatMap(([file, imports]) => {
    const from = consoleLayer(file);
    if (from === 'main.tsx' || from === 'app') return [];
    return imports
      .filter((imported) => imported.startsWith('src/'))
      .filter((imported) => {
        const to = consoleLayer(imported);
        return to === 'app' || (to.startsWith('features/') && to !== from);
      })
      .map((imported) => `${file} -> ${imported}`);
  });
}

describe('console import graph', () => {
  const graph = importGraph(root, 'src');

  it('has no circle', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(circles(graph)).toEqual([]);
  });

  it('has no arrow between two features, nor one up into app/', () => {
    expect(arrowsAgainstLayers(graph)).toEqual([]);
  });

  it('finds the arrows that run against the layers, and only those', () => {
    const sample: ImportGraph = new Map([
      ['src/main.tsx', ['src/app/App.tsx']],
      ['src/app/App.tsx', ['src/features/roles/RolesPage.tsx', 'src/aws/clients.ts']],
      [
        'src/features/roles/RolesPage.tsx',
        ['src/features/roles/model/cli.ts', 'src/components/Table.tsx', 'aws-rules/iam.ts'],
      ],
      ['src/features/roles/model/cli.ts', ['src/features/policies/model/cli.ts', 'src/app/region.ts']],
      ['src/components/Table.tsx', ['src/features/instances/model/state.ts', 'src/aws/clients.ts']],
      ['src/aws/clients.ts', ['src/app/App.tsx']],
    ]);
    expect(arrowsAgainstLayers(sample)).toEqual([
      'src/features/roles/model/cli.ts -> src/features/policies/model/cli.ts',
      'src/features/roles/model/cli.ts -> src/app/region.ts',
      'src/components/Table.tsx -> src/features/instances/model/state.ts',
      'src/aws/clients.ts -> src/app/App.tsx',
    ]);
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
    ['src/features/roles/probe.ts', '../policies/api/get-policy.ts'],
    ['src/features/roles/create/steps/probe.ts', '../../../instances/InstancesPage.tsx'],
    ['src/features/policies/probe.ts', '../../features/roles/RolesPage.tsx'],
    ['src/features/auth/probe.ts', '../roles/RolesPage.tsx'],
    ['src/features/instances/probe.ts', '../../app/router.tsx'],
    ['src/features/roles/details/probe.ts', '../../../app/query-client.ts'],
    ['src/components/probe.ts', '../features/roles/create/model/trust-policy.ts'],
    ['src/components/notifications/probe.ts', '../../app/App.tsx'],
    ['src/session/probe.ts', '../features/auth/SignInPage.tsx'],
    ['src/iam-policies/checks/rules/probe.ts', '../../../../features/policies/model/cli.ts'],
    ['src/aws/probe.ts', '../components/AwsErrorAlert.tsx'],
    ['src/aws/probe.ts', '../session/session.ts'],
    ['src/config/probe.ts', '../features/instances/InstancesPage.tsx'],
    ['src/validation/probe.ts', '../iam-policies/filter-policies.ts'],
    ['src/iac/probe.ts', '../aws/clients.ts'],
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
    ['src/features/roles/create/steps/probe.ts', '../model/trust-policy.ts'],
    ['src/features/roles/create/steps/probe.ts', '../../../../iam-policies/components/PolicyJsonViewer.tsx'],
    ['src/features/policies/editor/probe.ts', '../../../session/use-draft.ts'],
    ['src/features/instances/probe.ts', '../../config/region.ts'],
    ['src/features/instances/components/probe.ts', '../../../components/InstanceStateIndicator.tsx'],
    ['src/features/policies/probe.ts', '../../aws/list-policies.ts'],
    ['src/components/probe.ts', '../validation/iam.ts'],
    ['src/session/probe.ts', '../aws/credentials.ts'],
    ['src/app/probe.ts', '../features/roles/RolesPage.tsx'],
    ['src/app/shell/probe.ts', '../../config/preferences.ts'],
    ['src/aws/probe.ts', '../iac/role-export.ts'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await restricted(file, specifier)).toBe(false);
  });
});
