import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { DEMO_USERS } from '@authlab/shared';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { ApiLogger } from './common/logging/api-logger.js';
import { ConfigError, loadConfig } from './config/load-config.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config, {
    logger: new ApiLogger(config.logLevels),
    bufferLogs: true,
  });
  await app.listen(config.port, config.host);

  // The port actually bound: PORT=0 asks the system for a free one.
  const { port } = app.getHttpServer().address() as AddressInfo;
  const origin = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const lines = [
    '',
    `authlab is running on ${config.database.kind === 'sqlite' ? `SQLite (${config.database.file})` : 'PostgreSQL'}`,
    `  playground   ${config.playgroundDir ? `${origin}/` : '(not built: run npm run build)'}`,
    `  API          ${origin}/api`,
    `  API docs     ${origin}/api/docs`,
  ];
  if (config.lab)
    lines.push(
      `  lab          ${origin}/api/lab   (deliberately weak verifiers; answers this machine only)`,
    );
  if (config.demo) {
    lines.push('  demo users   (username / password)');
    for (const user of DEMO_USERS)
      lines.push(`               ${user.username.padEnd(8)} ${user.password}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');
  // Then whatever was logged while starting (Nest's route log only at LOG_LEVEL=verbose).
  app.flushLogs();
}

function isPortTaken(error: unknown): error is { port: number; address: string } {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
}

main().catch((error: unknown) => {
  Logger.flush(); // what was logged before the failure, then the failure
  // A configuration problem is the operator's to fix: say what, without a stack trace.
  if (error instanceof ConfigError) console.error(error.message);
  else if (isPortTaken(error))
    console.error(
      `Port ${error.port} on ${error.address} is taken (another authlab?). Stop it, or choose another port: PORT=3100 npm start`,
    );
  else console.error(error);
  process.exit(1);
});
