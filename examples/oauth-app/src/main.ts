import { AuthlabConnection } from './authlab-connection.js';
import { registerClient } from './register-client.js';
import { createAppServer } from './server.js';
import { readSettings } from './settings.js';

const settings = readSettings(process.env);
const redirectUri = `http://127.0.0.1:${settings.port}/callback`;
const client =
  settings.clientId !== undefined && settings.clientSecret !== undefined
    ? { clientId: settings.clientId, clientSecret: settings.clientSecret }
    : await registerClient(
        settings.authlabUrl,
        { username: settings.adminUsername, password: settings.adminPassword },
        redirectUri,
      );
const connection = await AuthlabConnection.discover(settings.authlabUrl, client, redirectUri);
const server = createAppServer(Promise.resolve(connection));
server.listen(settings.port, '127.0.0.1', () => {
  process.stdout.write(
    `Article Helper on http://127.0.0.1:${settings.port} (client ${client.clientId})\n`,
  );
});
