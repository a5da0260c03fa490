import { z } from 'zod';
import { ROLES } from '../roles.js';

export const userIdSchema = z.coerce
  .number()
  .int('must be a whole number')
  .positive('must be a positive number')
  .max(2_147_483_647, 'is too large');

export const changeRoleSchema = z.strictObject({
  role: z.enum(ROLES),
});
export type ChangeRoleRequest = z.infer<typeof changeRoleSchema>;
