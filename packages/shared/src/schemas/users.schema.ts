import { z } from 'zod';
import { SENSITIVITY_LABELS } from '../sensitivity-labels.js';
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

/** MAC: only admins set a clearance. */
export const changeClearanceSchema = z.strictObject({
  clearance: z.enum(SENSITIVITY_LABELS),
});
export type ChangeClearanceRequest = z.infer<typeof changeClearanceSchema>;
