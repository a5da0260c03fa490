import { describe, expect, it } from 'vitest';
import { AllowedHosts, parseHostPattern } from './allowed-hosts.js';

describe('AllowedHosts', () => {
  const hosts = new AllowedHosts(['authlab.lan', '10.0.0.5:8080'], 'https://authlab.example');

  it('answers loopback names on any port, the public origin’s host and ALLOWED_HOSTS', () => {
    for (const host of [
      'localhost',
      'localhost:3000',
      'LOCALHOST:5173',
      '127.0.0.1:41234',
      '[::1]:3000',
      'authlab.example',
      'authlab.lan:3000',
      '10.0.0.5:8080',
    ])
      expect(hosts.allows(host), host).toBe(true);
  });

  it('refuses rebinding names, look-alikes, another port of a pinned entry, and junk', () => {
    for (const host of [
      'attacker.example',
      'attacker.example:3000',
      'localhost.attacker.example',
      'authlab.example.attacker.example',
      '127.0.0.2:3000',
      '10.0.0.5:3000',
      'localhost:3000/x',
      'user@localhost',
      '',
    ])
      expect(hosts.allows(host), host).toBe(false);
  });

  it('takes its own origins from the allowed names and the listening port, never from Host', () => {
    const own = (origin: string, port = 3000) => hosts.isOwnOrigin(origin, 'http', port);
    expect(own('http://127.0.0.1:3000')).toBe(true);
    expect(own('http://localhost:3000')).toBe(true);
    expect(own('http://localhost:8081')).toBe(false); // another program on this machine
    expect(own('https://127.0.0.1:3000')).toBe(false); // another scheme
    expect(own('http://authlab.lan')).toBe(true); // behind a proxy on the default port
    expect(own('http://authlab.lan:3000')).toBe(true);
    expect(own('http://10.0.0.5:8080', 41_000)).toBe(true);
    expect(own('http://attacker.example:3000')).toBe(false);
    expect(own('null')).toBe(false);
  });

  it('parses ALLOWED_HOSTS entries and refuses what is not a host name', () => {
    expect(parseHostPattern('Authlab.LAN')).toEqual({ hostname: 'authlab.lan', loopback: false });
    expect(parseHostPattern('[::1]:3000')).toEqual({
      hostname: '[::1]',
      port: '3000',
      loopback: true,
    });
    for (const entry of ['http://authlab.lan', 'authlab.lan/', 'a b', 'x:99999', '::1'])
      expect(parseHostPattern(entry), entry).toBeUndefined();
  });
});
