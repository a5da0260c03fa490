import { z } from 'zod';

/** Letters, digits and `._-`: no colon, so every username also works in a Basic header. */
export const USERNAME_PATTERN = /^[a-z0-9](?:[a-z0-9._-]{1,30})[a-z0-9]$/;

export const PASSWORD_MIN_LENGTH = 8;
/** Long enough for passphrases; bounded so a huge password cannot tie up the hasher. */
export const PASSWORD_MAX_LENGTH = 128;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    USERNAME_PATTERN,
    'must be 3–32 characters: letters, digits, ".", "_" or "-", starting and ending with a letter or digit',
  );

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const credentialsSchema = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
});
export type Credentials = z.infer<typeof credentialsSchema>;

export const signUpSchema = credentialsSchema;
export type SignUpRequest = z.infer<typeof signUpSchema>;

export const signInSchema = credentialsSchema;
export type SignInRequest = z.infer<typeof signInSchema>;
