import { formatSpan } from '../../../lib/durations';
import type { SetCookieSummary } from '@authlab/shared';

export interface CookieFact {
  /** The attribute as sent ("HttpOnly", "SameSite=Strict"), or what is missing ("no Secure"). */
  label: string;
  text: string;
  /** good: protects the cookie; caution: weaker than it could be; info: neither. */
  tone: 'good' | 'caution' | 'info';
}

/** Parses one Set-Cookie header line (RFC 6265 §4.1) into its name, value and attributes. */
export function parseSetCookie(
  line: string,
): (SetCookieSummary & { value: string }) | { problem: string } {
  const [pair = '', ...rest] = line.replace(/^\s*set-cookie:\s*/i, '').split(';');
  const equals = pair.indexOf('=');
  if (equals <= 0) return { problem: 'A Set-Cookie header starts with name=value.' };
  const attributes: Record<string, string | true> = {};
  for (const part of rest) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const at = trimmed.indexOf('=');
    if (at === -1) attributes[trimmed] = true;
    else attributes[trimmed.slice(0, at).trim()] = trimmed.slice(at + 1).trim();
  }
  return { name: pair.slice(0, equals).trim(), value: pair.slice(equals + 1).trim(), attributes };
}

function attribute(
  attributes: SetCookieSummary['attributes'],
  name: string,
): { key: string; value: string | true } | undefined {
  const key = Object.keys(attributes).find(
    (candidate) => candidate.toLowerCase() === name.toLowerCase(),
  );
  return key === undefined ? undefined : { key, value: attributes[key]! };
}

function show(found: { key: string; value: string | true }): string {
  return found.value === true ? found.key : `${found.key}=${found.value}`;
}

/** Every attribute of a cookie explained, and what its absence means where that matters. */
export function explainCookie(cookie: SetCookieSummary): CookieFact[] {
  const facts: CookieFact[] = [];
  const { name, attributes } = cookie;
  const secure = attribute(attributes, 'Secure');
  const path = attribute(attributes, 'Path');
  const domain = attribute(attributes, 'Domain');

  if (name.startsWith('__Host-')) {
    const valid = secure && path?.value === '/' && !domain;
    facts.push({
      label: 'prefix __Host-',
      text: `The browser accepts this cookie only if it is Secure, has Path=/ and no Domain, so it stays bound to this exact host${valid ? '' : ' — this one breaks that rule and will be dropped'}.`,
      tone: valid ? 'good' : 'caution',
    });
  } else if (name.startsWith('__Secure-')) {
    facts.push({
      label: 'prefix __Secure-',
      text: `The browser accepts this cookie only from an HTTPS response with Secure set${secure ? '' : ' — this one lacks Secure and will be dropped'}.`,
      tone: secure ? 'good' : 'caution',
    });
  }

  const httpOnly = attribute(attributes, 'HttpOnly');
  facts.push(
    httpOnly
      ? {
          label: 'HttpOnly',
          text: 'JavaScript cannot read it (document.cookie does not list it), so an XSS bug cannot steal it. The browser still sends it.',
          tone: 'good',
        }
      : {
          label: 'no HttpOnly',
          text: 'Page scripts can read it through document.cookie. Right for a CSRF token that must be echoed, wrong for a session or access token.',
          tone: 'caution',
        },
  );
  facts.push(
    secure
      ? {
          label: 'Secure',
          text: 'Sent only over HTTPS (browsers make an exception for http://localhost).',
          tone: 'good',
        }
      : {
          label: 'no Secure',
          text: 'Also sent over plain HTTP, where anyone on the network can read it. Acceptable only for local development.',
          tone: 'caution',
        },
  );

  const sameSite = attribute(attributes, 'SameSite');
  const sameSiteValue =
    typeof sameSite?.value === 'string' ? sameSite.value.toLowerCase() : undefined;
  if (!sameSite) {
    facts.push({
      label: 'no SameSite',
      text: 'Browsers treat it as SameSite=Lax: sent on top-level navigations from other sites, not on their sub-requests.',
      tone: 'caution',
    });
  } else if (sameSiteValue === 'strict') {
    facts.push({
      label: show(sameSite),
      text: 'Never sent on a request that another site started, not even a link click: the strongest CSRF defence a cookie has.',
      tone: 'good',
    });
  } else if (sameSiteValue === 'lax') {
    facts.push({
      label: show(sameSite),
      text: 'Not sent on cross-site sub-requests (forms posted, fetch, images), but sent when the user follows a link here.',
      tone: 'good',
    });
  } else if (sameSiteValue === 'none') {
    facts.push({
      label: show(sameSite),
      text: 'Sent on every cross-site request (needs Secure): CSRF must then be stopped some other way.',
      tone: 'caution',
    });
  } else {
    facts.push({
      label: show(sameSite),
      text: 'Not a SameSite value browsers know; they fall back to Lax.',
      tone: 'caution',
    });
  }

  facts.push(
    path
      ? {
          label: show(path),
          text: `Sent only with requests whose path starts with ${String(path.value)}.`,
          tone: 'info',
        }
      : { label: 'no Path', text: 'Defaults to the folder of the URL that set it.', tone: 'info' },
  );
  if (domain) {
    facts.push({
      label: show(domain),
      text: `Also sent to every subdomain of ${String(domain.value)}; without Domain it would stay on this host only.`,
      tone: 'caution',
    });
  }

  const maxAge = attribute(attributes, 'Max-Age');
  const expires = attribute(attributes, 'Expires');
  if (maxAge) {
    const seconds = Number(maxAge.value);
    facts.push({
      label: show(maxAge),
      text:
        Number.isFinite(seconds) && seconds <= 0
          ? 'Zero or less: the browser deletes the cookie now (how a server signs out a cookie).'
          : `The browser keeps it ${Number.isFinite(seconds) ? `${seconds} s (${formatSpan(seconds)})` : 'for that long'}, then deletes it. Max-Age wins over Expires.`,
      tone: 'info',
    });
  }
  if (expires)
    facts.push({
      label: show(expires),
      text: 'Deleted at this date (the browser’s clock decides).',
      tone: 'info',
    });
  if (!maxAge && !expires) {
    facts.push({
      label: 'no Max-Age or Expires',
      text: 'A session cookie: kept until the browser closes (or longer, if it restores sessions).',
      tone: 'info',
    });
  }

  const known = ['httponly', 'secure', 'samesite', 'path', 'domain', 'max-age', 'expires'];
  for (const [key, value] of Object.entries(attributes)) {
    if (known.includes(key.toLowerCase())) continue;
    facts.push({
      label: value === true ? key : `${key}=${value}`,
      text:
        key.toLowerCase() === 'partitioned'
          ? 'Kept in a jar per top-level site (CHIPS), so it cannot track across sites.'
          : 'An attribute this page does not explain.',
      tone: 'info',
    });
  }
  return facts;
}
