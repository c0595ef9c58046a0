/**
 * Any string survives each language's quoting: written by our writers, read back by the real parsers (`yaml`,
 * HashiCorp's HCL through hcl2json) and by JavaScript's own, as the same string.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { hclString } from '../../src/iac/terraform.ts';
import { toYaml, yamlString } from '../../src/iac/yaml-writer.ts';
import { parseHcl } from './hcl.ts';

const AWKWARD = ['', 'yes', 'No', 'null', '~', '0x1F', '1e3', '-', '- a', ': b', '#c', '&d', '*e', '!f', '|', '>', "'", '"', '\\', '${x}', '%{x}', '$${x}', '$$${x}', '%%{x}', 'a\nb', '\t', '\u007f', '\u0085', '\u2028', '\ufeff', 'café 日本 🚀', ' lead', 'trail '];
const strings = fc.oneof(fc.constantFrom(...AWKWARD), fc.string({ unit: 'binary', maxLength: 40 }));
const SAMPLES = fc.sample(fc.array(strings, { minLength: 200, maxLength: 200 }), { numRuns: 1, seed: 20261206 })[0]!.concat(AWKWARD);

describe('YAML quoting', () => {
  it('reads back every string, as a value and as a key', () => {
    for (const text of SAMPLES) {
      expect(parseYaml(toYaml({ [text]: text, list: [text] })), yamlString(text)).toEqual({ [text]: text, list: [text] });
    }
  });
});

describe('HCL quoting', () => {
  it('reads back every string with HashiCorp’s parser', async () => {
    // One file of many attributes: the parser starts once.
    const file = SAMPLES.map((text, index) => `v${index} = ${hclString(text)}`).join('\n');
    const parsed = await parseHcl(file, 'escaping.tf');
    SAMPLES.forEach((text, index) => expect(parsed[`v${index}`], hclString(text)).toBe(text));
  });
});
