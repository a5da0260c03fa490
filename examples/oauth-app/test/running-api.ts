import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The built authlab API, found through its package name like any other dependency. */
const API_MAIN = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@authlab/api/package.json')),
  'dist/main.js',
);

export interface RunningApi {
  url: string;
  stop(): Promise<void>;
}

/** Starts the built API as its own process, in demo mode, and waits until it says where it listens. */
export function startApi(env: Record<string, string>): Promise<RunningApi> {
  const child: ChildProcess = spawn(process.execPath, [API_MAIN, '--demo'], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The API did not start in 20 s:\n${output}`)),
      20_000,
    );
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /API\s+(http:\/\/\S+)\/api/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1]!,
        stop: () =>
          new Promise<void>((stopped) => {
            child.once('exit', () => stopped());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', onOutput);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The API exited with code ${code}:\n${output}`));
    });
  });
}
