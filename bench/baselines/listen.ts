import type { Express } from 'express';
import type { AddressInfo } from 'node:net';

/** Listens where HOST/PORT say and prints the URL in the same form as the API, for the bench to read. */
export function listen(app: Express): void {
  const host = process.env.HOST ?? '127.0.0.1';
  const server = app.listen(Number(process.env.PORT ?? 0), host, () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`  API          http://${host}:${port}/api\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
