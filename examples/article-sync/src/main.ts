import { setTimeout as sleep } from 'node:timers/promises';
import { AuthlabApi } from './authlab-api.js';
import { ClientCredentialsTokenSource } from './client-credentials.js';
import { syncArticles } from './sync-articles.js';

/** Reads the settings once, from the environment; a missing one stops the program with its name. */
function settings() {
  const required = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`Set ${name}.`);
    return value;
  };
  return {
    baseUrl: (process.env.AUTHLAB_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, ''),
    clientId: required('AUTHLAB_CLIENT_ID'),
    clientSecret: required('AUTHLAB_CLIENT_SECRET'),
    file: process.env.SYNC_FILE ?? 'articles.json',
    /** 0: sync once and exit. */
    intervalSeconds: Number(process.env.SYNC_INTERVAL_SECONDS ?? '0'),
  };
}

async function main(): Promise<void> {
  const config = settings();
  const tokens = new ClientCredentialsTokenSource({
    baseUrl: config.baseUrl,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    scope: 'read',
  });
  const api = new AuthlabApi(config.baseUrl, tokens);
  for (;;) {
    const report = await syncArticles(api, config.file);
    process.stdout.write(
      `${new Date().toISOString()} ${report.total} articles in ${config.file} (+${report.added} ~${report.changed} -${report.removed}; tokens requested so far: ${tokens.tokensRequested})\n`,
    );
    if (config.intervalSeconds <= 0) return;
    await sleep(config.intervalSeconds * 1000);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
