import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { onCore, SERVER_CORE } from './cores.js';

/** The API prints "  API          http://127.0.0.1:PORT/api"; the baselines print the same line. */
const LISTENING = /API\s+(http:\/\/\S+?)\/api\s*$/m;
const START_TIMEOUT_MS = 60_000;

export interface ServerSpec {
  name: string;
  /** The script node runs, and its arguments. */
  script: string;
  args?: string[];
  env?: Record<string, string>;
  /** Node options such as `--import preload.js`. */
  nodeArgs?: string[];
}

export interface ServerProcess {
  name: string;
  origin: string;
  pid: number;
  /** Sends a message to the bench preload inside the server and waits for its answer. */
  ask<T>(message: { type: string } & Record<string, unknown>): Promise<T>;
  /** SIGTERM, then SIGKILL if it has not exited 5 s later. */
  stop(): Promise<void>;
}

/**
 * Starts a server as its own process on the server core and resolves once it prints where it
 * listens. An IPC channel lets the bench preload (event-loop delay, memory) answer questions.
 */
export async function startServer(spec: ServerSpec): Promise<ServerProcess> {
  const [command, args] = onCore(SERVER_CORE, process.execPath, [
    ...(spec.nodeArgs ?? []),
    spec.script,
    ...(spec.args ?? []),
  ]);
  const child = spawn(command, args, {
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error('did not print its URL in time')),
      START_TIMEOUT_MS,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${spec.name} ${error.message}:\n${output.slice(-3000)}`));
    };
    child.once('exit', (code) =>
      fail(new Error(`exited with code ${code ?? 'null'} before listening`)),
    );
    child.stdout!.on('data', () => {
      const match = LISTENING.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve(match[1]!);
    });
  });
  return {
    name: spec.name,
    origin,
    pid: child.pid!,
    ask: (message) => ask(child, message),
    stop: () => stop(child),
  };
}

function ask<T>(child: ChildProcess, message: { type: string }): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (reply: { type: string }) => {
      if (reply.type !== message.type) return;
      child.off('message', onMessage);
      resolve(reply as T);
    };
    child.on('message', onMessage);
    child.send(message, (error) => {
      if (error) reject(error);
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
