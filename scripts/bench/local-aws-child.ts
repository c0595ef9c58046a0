/**
 * Child process for the benchmark: runs an in-memory local AWS on a free port in its own process (so the load
 * generator does not share its event loop) and reports the URL as one JSON line on stdout.
 */
import { settingsFromEnv } from '../../local-aws/config.ts';
import { startLocalAws } from '../../local-aws/server/app.ts';

const settings = settingsFromEnv({ ...process.env, LOCAL_AWS_PORT: '0', LOCAL_AWS_DATA_DIR: 'memory' });
const localAws = await startLocalAws(settings);
process.stdout.write(`${JSON.stringify({ url: localAws.url })}\n`);

const stop = (): void => void localAws.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
// If the parent dies without signalling, stdin closes: do not outlive it.
process.stdin.resume();
process.stdin.once('end', stop);
