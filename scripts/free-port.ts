import { createServer } from 'node:net';

/**
 * A loopback port free right now. For a console that must be started after a local AWS process which needs the
 * console's origin up front (LOCAL_AWS_ALLOWED_ORIGINS).
 */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}
