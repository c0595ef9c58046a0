import { describe, expect, it } from 'vitest';
import { seedEc2Fleet } from './ec2-fleet.ts';
import { fixture, T0 } from '../services/ec2/test-support.ts';

function seeded() {
  const f = fixture();
  seedEc2Fleet(f, T0);
  return f;
}

function byName(f: ReturnType<typeof fixture>, region: string, now = T0) {
  const views = f.ec2.describeInstances(region, {}, now).items.flatMap((r) => r.instances);
  return new Map(views.map((v) => [v.record.tags.find((t) => t.key === 'Name')!.value, v]));
}

describe('demo EC2 fleet', () => {
  it('has instances in every state in us-east-1 and four in eu-west-1', () => {
    const f = seeded();
    const east = byName(f, 'us-east-1');
    expect(east.size).toBe(12);
    expect(new Set([...east.values()].map((v) => v.state.name))).toEqual(new Set(['running', 'stopped', 'stopping', 'pending', 'terminated']));
    expect(east.get('web-1')!.record.instanceType).toBe('t3.micro');
    expect(east.get('batch-worker')!.record.instanceType).toBe('c6i.xlarge');
    expect(new Set([...east.values()].map((v) => v.record.availabilityZone))).toEqual(new Set(['us-east-1a', 'us-east-1b', 'us-east-1c']));
    expect(byName(f, 'eu-west-1').size).toBe(4);
    // transitions carry on after seeding
    const later = byName(f, 'us-east-1', new Date(T0.getTime() + 5000));
    expect(later.get('reporting')!.state.name).toBe('stopped');
    expect(later.get('ci-runner')!.state.name).toBe('running');
  });

  it('tells the role stories: console roles, an orphaned profile, a CLI role without a profile', () => {
    const f = seeded();
    const east = byName(f, 'us-east-1');
    const web = f.iam.findInstanceProfile('WebServerRole')!;
    expect(east.get('web-1')!.profile).toEqual({ arn: web.arn, id: web.instanceProfileId });
    expect(east.get('web-1')!.association!.state.name).toBe('associated');
    expect(f.iam.roleOfInstanceProfile(web)?.roleName).toBe('WebServerRole');
    const orphan = f.iam.findInstanceProfile('OrphanProfile')!;
    expect(f.iam.roleOfInstanceProfile(orphan)).toBeUndefined();
    expect(east.get('bastion')!.profile?.arn).toBe(orphan.arn);
    expect(f.iam.findRole('CliCreatedRole')).toBeDefined();
    expect(f.iam.findInstanceProfile('CliCreatedRole')).toBeUndefined();
    expect(east.get('api-1')!.profile).toBeUndefined();
    expect(byName(f, 'eu-west-1').get('eu-web-1')!.profile?.arn).toBe(web.arn);
  });
});
