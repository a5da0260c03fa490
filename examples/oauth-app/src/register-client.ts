export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
}

/**
 * Registers this application with authlab as an admin would (POST /api/oauth/clients): a
 * confidential client, since it runs on a server and can keep a secret. Used in demo mode, where
 * the admin's password is public; in a real deployment an admin registers it once and hands
 * over the id and secret.
 */
export async function registerClient(
  authlabUrl: string,
  admin: { username: string; password: string },
  redirectUri: string,
): Promise<RegisteredClient> {
  const signIn = await fetch(`${authlabUrl}/api/auth/signin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(admin),
  });
  if (!signIn.ok) throw new Error(`Admin sign-in failed: ${signIn.status}`);
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const registered = await fetch(`${authlabUrl}/api/oauth/clients`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: 'Article Helper',
      type: 'confidential',
      redirectUris: [redirectUri],
      scope: ['read', 'create'],
    }),
  });
  if (!registered.ok) throw new Error(`Registration failed: ${registered.status}`);
  return (await registered.json()) as RegisteredClient;
}
