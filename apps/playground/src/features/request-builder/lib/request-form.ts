import { DEMO_USERS } from '@authlab/shared';
import type { HttpMethod } from '../../../lib/api-client';
import type { PlaygroundSession } from '../../../lib/session-store';
import { METHODS_WITH_BODY, type BodyType, type Credential } from '../api/send-request';

/** "Send as" choices besides nobody and the demo users. */
export const CURRENT_TOKEN = ':current-token';
export const WRITTEN_HEADER = ':written-header';
export const BASIC = ':basic';

export type Carrier = 'header' | 'cookie';

export interface RequestForm {
  method: HttpMethod;
  path: string;
  who: string;
  carrier: Carrier;
  authorization: string;
  basicUser: string;
  basicPassword: string;
  sendCsrf: boolean;
  bodyType: BodyType;
  /** A body the learner typed, and the request ("METHOD path") it was typed for. */
  typedBody: { text: string; for: string } | null;
}

export type RequestFormAction =
  | { type: 'method-chosen'; method: HttpMethod }
  | { type: 'path-typed'; path: string }
  | { type: 'sender-chosen'; who: string }
  | { type: 'carrier-chosen'; carrier: Carrier }
  | { type: 'authorization-typed'; authorization: string }
  | { type: 'basic-user-typed'; username: string }
  | { type: 'basic-password-typed'; password: string }
  | { type: 'csrf-set'; sendCsrf: boolean }
  | { type: 'body-type-chosen'; bodyType: BodyType }
  | { type: 'body-typed'; text: string };

/** Who to send as at first: a chosen token, else the signed-in demo user, else writer. */
function initialSender(session: PlaygroundSession | null, currentToken: string | undefined) {
  if (currentToken && currentToken !== session?.accessToken) return CURRENT_TOKEN;
  if (session?.delivery === 'body' && DEMO_USERS.some((user) => user.username === session.username))
    return session.username;
  return currentToken ? CURRENT_TOKEN : 'writer';
}

export function initialRequestForm({
  session,
  currentToken,
}: {
  session: PlaygroundSession | null;
  currentToken: string | undefined;
}): RequestForm {
  return {
    method: 'GET',
    path: '/api/articles',
    who: initialSender(session, currentToken),
    carrier: 'header',
    authorization: 'Bearer ',
    basicUser: '',
    basicPassword: '',
    sendCsrf: true,
    bodyType: 'application/json',
    typedBody: null,
  };
}

const requestKey = (form: RequestForm) => `${form.method} ${form.path}`;

export function requestFormReducer(form: RequestForm, action: RequestFormAction): RequestForm {
  switch (action.type) {
    case 'method-chosen':
      return { ...form, method: action.method };
    case 'path-typed':
      return { ...form, path: action.path };
    case 'sender-chosen':
      return { ...form, who: action.who };
    case 'carrier-chosen':
      return { ...form, carrier: action.carrier };
    case 'authorization-typed':
      return { ...form, authorization: action.authorization };
    case 'basic-user-typed':
      return { ...form, basicUser: action.username };
    case 'basic-password-typed':
      return { ...form, basicPassword: action.password };
    case 'csrf-set':
      return { ...form, sendCsrf: action.sendCsrf };
    case 'body-type-chosen':
      return { ...form, bodyType: action.bodyType };
    case 'body-typed':
      return { ...form, typedBody: { text: action.text, for: requestKey(form) } };
  }
}

export function exampleBody(method: HttpMethod, path: string): string {
  if (!METHODS_WITH_BODY.includes(method)) return '';
  if (/\/users\/[^/]+\/role$/.test(path)) return JSON.stringify({ role: 'writer' }, null, 2);
  if (/^\/api\/auth\/sign(up|in)$/.test(path))
    return JSON.stringify({ username: 'ada', password: 'analytical engine' }, null, 2);
  if (path === '/api/oauth/token') return 'grant_type=client_credentials';
  if (path.startsWith('/api/articles')) {
    return JSON.stringify(
      method === 'PATCH'
        ? { title: 'A better title' }
        : { title: 'Hello', body: 'Sent from the request builder' },
      null,
      2,
    );
  }
  return '{}';
}

/**
 * The body to send: what the learner typed (kept across requests unless emptied), else an
 * example that fits the method and path.
 */
export function bodyTextOf(form: RequestForm): string {
  const typed = form.typedBody;
  if (typed && (typed.for === requestKey(form) || typed.text.trim() !== '')) return typed.text;
  return exampleBody(form.method, form.path);
}

/** The "Send as" value in force: "my current token" falls back to nobody once there is none. */
export function senderOf(form: RequestForm, currentToken: string | undefined): string {
  return form.who === CURRENT_TOKEN && !currentToken ? '' : form.who;
}

export function credentialOf(form: RequestForm, currentToken: string | undefined): Credential {
  if (form.carrier === 'cookie') return { kind: 'cookie', csrf: form.sendCsrf };
  const sendAs = senderOf(form, currentToken);
  if (sendAs === '') return { kind: 'none' };
  if (sendAs === CURRENT_TOKEN) return { kind: 'token', token: currentToken! };
  if (sendAs === WRITTEN_HEADER) return { kind: 'header', authorization: form.authorization };
  if (sendAs === BASIC)
    return { kind: 'basic', username: form.basicUser, password: form.basicPassword };
  return { kind: 'bearer', username: sendAs };
}
