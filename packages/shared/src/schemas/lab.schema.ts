import { z } from 'zod';

/** GET /api/lab: one exercise, with the three routes that play it. */
export const labExerciseSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  /** What the weak verifier does wrong. */
  flaw: z.string(),
  /** What the secure verifier does instead. */
  fix: z.string(),
  token: z.string(),
  weak: z.string(),
  secure: z.string(),
});
export type LabExerciseSummary = z.infer<typeof labExerciseSummarySchema>;

/** A key in PEM form, with the kid tokens signed by it carry. */
export const labPemKeySchema = z.object({ pem: z.string(), kid: z.string() });
export type LabPemKey = z.infer<typeof labPemKeySchema>;

/** POST /api/lab/{exercise}/token: a legitimate token to forge from. */
export const labTokenSchema = z.object({ token: z.string() });
export type LabToken = z.infer<typeof labTokenSchema>;

/** GET /api/lab/{exercise}/{variant}: the verifier accepted the token (a refusal is a 401). */
export const labVerdictSchema = z.object({
  exercise: z.string(),
  variant: z.enum(['weak', 'secure']),
  verdict: z.literal('accepted'),
  reason: z.string(),
  claims: z.record(z.string(), z.unknown()),
});
export type LabVerdict = z.infer<typeof labVerdictSchema>;
