import { z } from 'zod';
import { TOKEN_DELIVERIES } from '../sessions.js';
import { passwordSchema, PASSWORD_MAX_LENGTH } from './auth.schema.js';

/** `?mode=cookie` on sign-up, sign-in: deliver the tokens in cookies instead of the body. */
export const tokenDeliveryQuerySchema = z.strictObject({
  mode: z.enum(TOKEN_DELIVERIES).default('body'),
});
export type TokenDeliveryQuery = z.infer<typeof tokenDeliveryQuerySchema>;

/** A refresh token as issued: 32 random bytes in base64url. Anything else cannot be one. */
export const REFRESH_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The body of POST /api/auth/refresh for clients that are not browsers. */
export const refreshRequestSchema = z.strictObject({
  refreshToken: z.string().max(512),
});
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

export const changePasswordSchema = z.strictObject({
  // Not checked against the rules for new passwords: an old password may predate them.
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordSchema>;
