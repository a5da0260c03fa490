import { z } from 'zod';
import { PERMISSIONS } from '../roles.js';

/** `cl_` and 16 random bytes in base64url: no colon, so it fits in a Basic header. */
export const CLIENT_ID_PATTERN = /^cl_[A-Za-z0-9_-]{22}$/;

export const clientIdSchema = z.string().regex(CLIENT_ID_PATTERN, 'is not a client id');

/** What an admin sends to register a machine client: a name and the permissions it may ask for. */
export const registerClientSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  scope: z
    .array(z.enum(PERMISSIONS))
    .min(1, 'must name at least one permission')
    .refine((scope) => new Set(scope).size === scope.length, 'must not repeat a permission'),
});
export type RegisterClientRequest = z.infer<typeof registerClientSchema>;
