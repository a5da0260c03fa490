/** What the orchestrator asks one load-client process to do, and what it answers. */
export interface LoadJob {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  /** Run for this many seconds, or until `amount` responses have arrived. */
  seconds?: number;
  amount?: number;
  /** A fixed request rate (requests per second over all connections) instead of flat out. */
  overallRate?: number;
  /** Each request takes the next value from this file (one per line) as this header. */
  rotate?: { header: string; file: string };
}

export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export interface LoadResult {
  responses: number;
  seconds: number;
  /** Responses per second. */
  rps: number;
  /** Milliseconds, from the client's send to the end of the response, every response counted. */
  latency: LatencySummary;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
}
