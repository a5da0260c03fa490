import type { BundleSize } from '../suites/bundle-size.js';
import type { MemoryResult } from '../suites/memory.js';
import type { PageLoadResult } from '../suites/page-load.js';
import type { LoginResult, SurgeResult } from '../suites/sign-in.js';
import type { ScenarioResult } from '../suites/throughput.js';
import type { TemplateBuild } from '../suites/vite-template.js';
import type { Spread } from './stats.js';
import type { TargetResult } from './targets.js';

/** A ratio between two throughput scenarios, taken inside each round. */
export interface Ratio {
  id: string;
  label: string;
  rps: Spread;
  p99: Spread;
  /** Server CPU per request, denominator over numerator: the same "× as fast" sense as `rps`. */
  cpu: Spread;
}

/** Everything one run measured: written to bench/results/results.json. */
export interface BenchResults {
  meta: {
    date: string;
    mode: 'full' | 'quick';
    node: string;
    cpu: string;
    cores: number;
    pinned: boolean;
    loadAverage: { start: number[]; end: number[] };
    commit: string;
    durationSeconds: number;
    settings: {
      rounds: number;
      seconds: number;
      warmupSeconds: number;
      connections: number;
      tokens: number;
    };
  };
  throughput: { scenarios: ScenarioResult[]; ratios: Ratio[] };
  login: LoginResult;
  surge: SurgeResult & { publicPath: string; rate: number; signInConnections: number };
  memory: MemoryResult;
  /** The same measurement on an API with TRACING=off. */
  memoryUntraced?: MemoryResult;
  playground: {
    app: BundleSize;
    template: BundleSize;
    versions: TemplateBuild['versions'];
    pageLoad?: PageLoadResult;
  };
  targets: TargetResult[];
  notes: string[];
}
