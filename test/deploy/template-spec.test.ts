import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, type ScalarTag, type CollectionTag } from 'yaml';
import { cloudFormationSpecErrors } from '../iac/resource-spec.ts';

/** CloudFormation's short forms (`!Ref x`, `!GetAtt a.b`, `!Sub …`) read as their long forms. */
const SHORT_FORMS: (ScalarTag | CollectionTag)[] = ['Ref', 'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'Equals', 'FindInMap', 'GetAZs', 'Base64'].flatMap(
  (name) => {
    const key = name === 'Ref' ? 'Ref' : `Fn::${name}`;
    const wrap = (value: unknown) => ({ [key]: value });
    return [
      { tag: `!${name}`, resolve: (text: string) => wrap(text) } satisfies ScalarTag,
      { tag: `!${name}`, collection: 'seq', resolve: (seq) => wrap(seq.toJSON()) } satisfies CollectionTag,
    ];
  },
);

describe('deploy/cloudformation.yaml', () => {
  it("uses only resource types and properties of AWS's CloudFormation resource specification, with their types", async () => {
    const text = readFileSync(fileURLToPath(new URL('../../deploy/cloudformation.yaml', import.meta.url)), 'utf8');
    const template = parse(text, { customTags: SHORT_FORMS }) as { Resources: Record<string, { Type: string; Properties?: unknown }>; Parameters?: Record<string, unknown> };
    expect(Object.keys(template.Resources).length).toBeGreaterThan(3);
    expect(await cloudFormationSpecErrors(template.Resources, Object.keys(template.Parameters ?? {}))).toEqual([]);
  }, 30_000);
});
