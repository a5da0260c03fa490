import { z } from 'zod';

/** Fast-forward by up to a day at a time. */
export const advanceClockSchema = z.strictObject({
  seconds: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(86_400, 'must be at most 86400 (one day)'),
});
export type AdvanceClockRequest = z.infer<typeof advanceClockSchema>;

export const clockResponseSchema = z.object({
  /** The API's current time, ISO 8601. */
  now: z.string(),
  /** How far the clock has been moved forward, in seconds (0 = real time). */
  offsetSeconds: z.number(),
  /** Whether it can be moved here (demo or lab mode, never production). */
  adjustable: z.boolean(),
});
export type ClockResponse = z.infer<typeof clockResponseSchema>;
