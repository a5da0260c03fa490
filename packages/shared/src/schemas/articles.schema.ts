import { z } from 'zod';
import { ARTICLE_STATUSES } from '../article-policy.js';
import { SENSITIVITY_LABELS } from '../sensitivity-labels.js';

export const articleIdSchema = z.coerce
  .number()
  .int('must be a whole number')
  .positive('must be a positive number')
  .max(2_147_483_647, 'is too large');

export const createArticleSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  body: z.string().max(20_000, 'must be at most 20000 characters'),
  /** Published unless the author says otherwise. Strict: authorId can never be set from a body. */
  status: z.enum(ARTICLE_STATUSES).optional(),
  /**
   * Its sensitivity label (MAC), public unless set: accepted only up to the caller's own
   * clearance, and lowered only by an admin (the API answers 403 otherwise).
   */
  label: z.enum(SENSITIVITY_LABELS).optional(),
});
export type CreateArticleRequest = z.infer<typeof createArticleSchema>;

/** PUT replaces the whole article. */
export const replaceArticleSchema = createArticleSchema;
export type ReplaceArticleRequest = z.infer<typeof replaceArticleSchema>;

/** PATCH changes some fields; at least one. */
export const updateArticleSchema = createArticleSchema
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'must change at least one field');
export type UpdateArticleRequest = z.infer<typeof updateArticleSchema>;

/** DAC: the author names the user who may read the article. */
export const shareArticleSchema = z.strictObject({
  username: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
});
export type ShareArticleRequest = z.infer<typeof shareArticleSchema>;

export const shareUsernameSchema = shareArticleSchema.shape.username;
