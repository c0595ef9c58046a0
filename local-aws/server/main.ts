/**
 * `npm run local-aws`: local AWS on LOCAL_AWS_PORT (default 4566), state in LOCAL_AWS_DATA_DIR.
 */
import { settingsFromEnv } from '../config.ts';
import { startLocalAws } from './app.ts';
import { exposureWarning } from './exposure.ts';

const settings = settingsFromEnv();
const localAws = await startLocalAws(settings).catch((error: unknown) => {
  console.error(`local AWS could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
console.log(`local AWS listening on ${localAws.url} (state: ${settings.dataDir}${settings.faults ? `, faults: ${settings.faults}` : ''})`);
for (const line of exposureWarning(settings.host, localAws.port)) console.warn(line);

let stopping = false;
function stop(signal: string): void {
  if (stopping) return;
  stopping = true;
  console.log(`local AWS stopping (${signal})`);
  localAws.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
