/** Read once at start-up from the environment. */
export interface Settings {
  /** Where authlab is: its issuer, where RFC 8414 metadata is found. */
  authlabUrl: string;
  /** Where this application listens. */
  port: number;
  /** The registered application; when absent it registers itself with an admin account (demo mode). */
  clientId: string | undefined;
  clientSecret: string | undefined;
  adminUsername: string;
  adminPassword: string;
}

export function readSettings(env: NodeJS.ProcessEnv): Settings {
  return {
    authlabUrl: env.AUTHLAB_URL ?? 'http://127.0.0.1:3000',
    port: Number(env.PORT ?? 4100),
    clientId: env.AUTHLAB_CLIENT_ID,
    clientSecret: env.AUTHLAB_CLIENT_SECRET,
    adminUsername: env.AUTHLAB_ADMIN_USERNAME ?? 'admin',
    adminPassword: env.AUTHLAB_ADMIN_PASSWORD ?? 'admin-demo-password',
  };
}
