/** The demo users `--demo` seeds; their passwords are public on purpose (the lessons use them). */
export const DEMO_USERNAMES = ['admin', 'editor', 'writer', 'user'] as const;
export const demoPassword = (username: string) => `${username}-demo-password`;

export function signInRequest(username: string): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword(username) }),
  };
}

/** Signs in and returns the access token. */
export async function signIn(origin: string, username: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/signin`, signInRequest(username));
  if (!response.ok)
    throw new Error(`Sign-in as ${username} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** One real access token per demo user: their claims are what minted tokens copy. */
export async function demoTokens(origin: string): Promise<string[]> {
  const tokens: string[] = [];
  for (const username of DEMO_USERNAMES) tokens.push(await signIn(origin, username));
  return tokens;
}
