/** How long and how often each measurement runs: `--quick` trades precision for time. */
export interface BenchOptions {
  quick: boolean;
  /** Run `turbo run build` first. Always in a full run (unless --no-build); in a quick run only
   * when a build is missing or --build is given, since a cold build alone can take a minute. */
  build: boolean | 'if-missing';
  /** Interleaved rounds of every throughput scenario; the median of their ratios is reported. */
  rounds: number;
  /** Seconds of load in one measured run (whole seconds: autocannon rounds up). */
  seconds: number;
  /** Seconds of load per server before the first round, thrown away (JIT, caches, pools). */
  warmupSeconds: number;
  /** Concurrent connections, one request in flight on each (no pipelining). */
  connections: number;
  /** Distinct tokens rotated through the requests. */
  tokens: number;
  /** Sequential sign-ins (and as many bare argon2 verifications) for the login p50. */
  logins: number;
  /** Fixed request rate on the public route, and seconds per phase, for the sign-in surge test. */
  surgeRate: number;
  surgeSeconds: number;
  /** Concurrent sign-in connections during the surge. */
  surgeConnections: number;
  /** Memory is read after `memoryFirst`, `memoryWarm` and `memoryTotal` traced requests. */
  memoryFirst: number;
  memoryWarm: number;
  memoryTotal: number;
  /** Seconds without a request before memory is read at rest. */
  restQuietSeconds: number;
  /** Also measure memory with tracing off (left out of a quick run for time). */
  memoryUntraced: boolean;
  /** Cold page loads of the playground and of the template, each. */
  pageLoads: number;
}

export function parseOptions(argv: string[]): BenchOptions {
  const unknown = argv.filter((arg) => !['--quick', '--build', '--no-build'].includes(arg));
  if (unknown.length > 0)
    throw new Error(`Unknown option ${unknown.join(' ')}. Options: --quick, --build, --no-build.`);
  const quick = argv.includes('--quick');
  const build: BenchOptions['build'] = argv.includes('--no-build')
    ? false
    : argv.includes('--build') || !quick
      ? true
      : 'if-missing';
  const common = {
    quick,
    build,
    connections: 10,
    tokens: 1000,
    surgeRate: 200,
    surgeConnections: 8,
    memoryFirst: 1000,
    restQuietSeconds: 5,
  };
  return quick
    ? {
        ...common,
        rounds: 3,
        seconds: 1,
        warmupSeconds: 1,
        logins: 10,
        surgeSeconds: 2,
        memoryWarm: 5_000,
        memoryTotal: 10_000,
        memoryUntraced: false,
        pageLoads: 3,
      }
    : {
        ...common,
        rounds: 5,
        seconds: 3,
        warmupSeconds: 4,
        logins: 30,
        surgeSeconds: 6,
        memoryWarm: 10_000,
        memoryTotal: 100_000,
        memoryUntraced: true,
        pageLoads: 7,
      };
}
