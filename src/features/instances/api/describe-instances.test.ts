import { describe, expect, it } from 'vitest';
import { patchInstancePages, type InstanceSummary, type InstancesPage } from './describe-instances.ts';

function instance(instanceId: string, state: InstanceSummary['state']): InstanceSummary {
  return { instanceId, name: instanceId, state, instanceType: 't3.micro', availabilityZone: 'us-east-1a', platform: 'Linux/UNIX', securityGroups: [], tags: [] };
}

const pages: InstancesPage[] = [
  { instances: [instance('i-1', 'running'), instance('i-2', 'pending')], nextToken: 't1' },
  { instances: [instance('i-3', 'stopping'), instance('i-4', 'shutting-down')] },
];
const list = { pages, pageParams: [undefined, 't1'] };

describe('patchInstancePages', () => {
  it('puts re-read instances in place, in their pages and order', () => {
    const patched = patchInstancePages(list, ['i-2', 'i-3'], [instance('i-3', 'stopped'), instance('i-2', 'running')]);
    expect(patched.pages.map((page) => page.instances.map((each) => `${each.instanceId} ${each.state}`))).toEqual([
      ['i-1 running', 'i-2 running'],
      ['i-3 stopped', 'i-4 shutting-down'],
    ]);
    expect(patched.pages[0]!.nextToken).toBe('t1');
    expect(patched.pageParams).toEqual([undefined, 't1']);
  });

  it('drops a requested instance that EC2 no longer lists, and leaves the others alone', () => {
    const patched = patchInstancePages(list, ['i-4'], []);
    expect(patched.pages.map((page) => page.instances.map((each) => each.instanceId))).toEqual([['i-1', 'i-2'], ['i-3']]);
    expect(patched.pages[0]!.instances[0]).toBe(pages[0]!.instances[0]);
  });
});
