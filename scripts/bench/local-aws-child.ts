/**
 * Child process for the benchmark: runs an in-memory local AWS on a free port in its own process (so the load
 * generator does not share its event loop) and reports the URL as one JSON line on stdout.
 *
 * BENCH_SCALE=1 also seeds the scale fixture of the EC2 benchmark before reporting ready: instances in us-east-1 and
 * instance profiles (bench-profile-00001…) until the region holds exactly 10,000 and the account 5,000, counting the
 * demo seed's own. 5,000 profiles is above IAM's default quota of 1,000
 * per account; AWS raises it to 5,000 on request, and so does this child (for its own process only).
 */
import { settingsFromEnv } from '../../local-aws/config.ts';
import { startLocalAws } from '../../local-aws/server/app.ts';
import { IamQuotas } from '../../local-aws/services/iam/model.ts';

const SCALE = { region: 'us-east-1', instances: 10_000, instanceProfiles: 5_000 };

const settings = settingsFromEnv({ ...process.env, LOCAL_AWS_PORT: '0', LOCAL_AWS_DATA_DIR: 'memory' });
const localAws = await startLocalAws(settings);

let seeded: { instances: number; instanceProfiles: number; seedMs: number } | undefined;
if (process.env.BENCH_SCALE === '1') {
  const started = performance.now();
  const now = new Date();
  const { ec2, iam } = localAws.world;
  (IamQuotas as { instanceProfilesPerAccount: number }).instanceProfilesPerAccount = SCALE.instanceProfiles + 1000;
  const existingInstances = ec2
    .describeInstances(SCALE.region, {}, now)
    .items.reduce((sum, reservation) => sum + reservation.instances.length, 0);
  ec2.seedManyInstances(SCALE.region, SCALE.instances - existingInstances, now);
  const existingProfiles = iam.listInstanceProfiles().length;
  localAws.world.store.transaction(() => {
    for (let i = 1; i <= SCALE.instanceProfiles - existingProfiles; i++)
      iam.createInstanceProfile({ instanceProfileName: `bench-profile-${String(i).padStart(5, '0')}` }, now);
  });
  seeded = { ...SCALE, seedMs: Math.round(performance.now() - started) };
}
process.stdout.write(`${JSON.stringify({ url: localAws.url, pid: process.pid, seeded })}\n`);

const stop = (): void => void localAws.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
// If the parent dies without signalling, stdin closes: do not outlive it.
process.stdin.resume();
process.stdin.once('end', stop);
