import { readFileSync } from 'node:fs';

/** The parts of a V8 .cpuprofile (what `node --cpu-prof` writes) that a summary needs. */
interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  name: string;
  /** Share of all samples, 0–1. */
  self: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time grouped by where the code lives: a package, our code, node internals, GC… */
  byOrigin: ProfileLine[];
  /** Self time of the heaviest functions. */
  byFunction: ProfileLine[];
}

/** Names the origin of a script URL: "express", "@nestjs/core", "apps/api", "node:internal"… */
export function originOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules !== -1) {
    const [first = '', second = ''] = url.slice(modules + 'node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  if (url.startsWith('node:')) return 'node:internal';
  const app = /\/(apps\/[^/]+|packages\/[^/]+|bench)\//.exec(url);
  return app ? app[1]! : url;
}

function top(map: Map<string, number>, total: number, count: number): ProfileLine[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, time]) => ({ name, self: time / total }));
}

/**
 * Self time by origin and by function. (Inclusive time would mislead here: Express middleware
 * call next() from inside themselves, so everything after helmet is "inside" helmet.)
 */
export function summariseProfile(file: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  // Stopping the profiler (from the bench's own preload) shows up as samples too: leave them out.
  const isProbe = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if (byId.get(at)!.callFrame.url.includes('server-probe')) return true;
    }
    return false;
  };

  const selfTime = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    if (isProbe(id)) return;
    const delta = profile.timeDeltas[index] ?? 0;
    selfTime.set(id, (selfTime.get(id) ?? 0) + delta);
    total += delta;
  });

  const origins = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, time] of selfTime) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    const origin = originOf(url, functionName);
    origins.set(origin, (origins.get(origin) ?? 0) + time);
    const name = `${functionName || '(anonymous)'} ${origin}:${lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + time);
  }
  const busy =
    total -
    (selfTime.get(
      profile.nodes.find((node) => node.callFrame.functionName === '(idle)')?.id ?? -1,
    ) ?? 0);
  return {
    totalMs: busy / 1000,
    byOrigin: top(origins, busy, 15),
    byFunction: top(functions, busy, 25),
  };
}
