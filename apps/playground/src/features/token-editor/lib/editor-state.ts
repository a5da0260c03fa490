import { decodeJwt } from '../../../lib/decode-jwt';
import type { SecretEncoding } from '../../../lib/jws';
import type { AsymmetricAlgorithm } from '../../../lib/jws-keys';

export type SigningKind = 'keep' | 'resign' | 'private-key' | 'none';

export interface SigningSettings {
  kind: SigningKind;
  secret: string;
  encoding: SecretEncoding;
  emptyKey: boolean;
  /** A private key the learner pasted or generated (PEM or JWK), and the algorithm to sign with. */
  privateKey: string;
  asymmetricAlg: AsymmetricAlgorithm;
}

/** Header and payload as the learner edits them, for the source token they were loaded from. */
export interface Draft {
  source: string;
  header: string;
  payload: string;
}

export interface EditorState {
  /** A token typed or pasted over the current token; it gives way when the current token changes. */
  typedSource: { text: string; over: string } | null;
  /** Edits of the source's parts; none yet (or edits of another source) means the parts as they are. */
  draft: Draft | null;
  signing: SigningSettings;
  minutes: string;
  probeIndex: number;
}

export type EditorAction =
  | { type: 'source-typed'; text: string; currentToken: string }
  | { type: 'current-token-chosen' }
  | { type: 'header-typed'; source: string; text: string }
  | { type: 'payload-typed'; source: string; text: string }
  | { type: 'claim-set'; source: string; name: string; value: unknown }
  | { type: 'signing-chosen'; source: string; kind: SigningKind }
  | { type: 'secret-typed'; secret: string }
  | { type: 'encoding-chosen'; encoding: SecretEncoding }
  | { type: 'empty-key-set'; emptyKey: boolean }
  | { type: 'private-key-typed'; privateKey: string }
  | { type: 'asymmetric-alg-chosen'; source: string; alg: AsymmetricAlgorithm }
  | { type: 'header-field-set'; source: string; name: string; value: unknown }
  | { type: 'minutes-typed'; minutes: string }
  | { type: 'probe-chosen'; index: number };

export const INITIAL_EDITOR_STATE: EditorState = {
  typedSource: null,
  draft: null,
  // Plain text first: a passphrase read as base64 gives other bytes and a signature that never matches.
  signing: {
    kind: 'keep',
    secret: '',
    encoding: 'utf8',
    emptyKey: false,
    privateKey: '',
    asymmetricAlg: 'ES256',
  },
  minutes: '60',
  probeIndex: 0,
};

export function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** The token being edited: the current token, unless one was typed over this very current token. */
export function sourceOf(state: EditorState, currentToken: string): string {
  return state.typedSource?.over === currentToken ? state.typedSource.text : currentToken;
}

function partsOf(token: string): { header: Record<string, unknown> | null; payload: string } {
  const decoded = decodeJwt(token);
  if (!decoded.ok) return { header: null, payload: '' };
  return {
    header: decoded.header.ok ? decoded.header.value : null,
    payload: decoded.payload.ok ? pretty(decoded.payload.value) : '',
  };
}

/** The signature segment of the source, which "keep the old signature" sends again. */
export function signatureOf(source: string): string {
  const decoded = decodeJwt(source);
  return decoded.ok ? decoded.segments.signature : '';
}

const HMAC_ALG = /^HS(256|384|512)$/;

/**
 * The header as the chosen signing will send it, so the header box never shows another alg than
 * the token carries: "none" for no signature, an HMAC alg for a secret, the source's alg when kept.
 */
function withSigningAlg(
  header: Record<string, unknown>,
  signing: Pick<SigningSettings, 'kind' | 'asymmetricAlg'>,
  original: Record<string, unknown> | null,
): Record<string, unknown> {
  const next = { ...header };
  const kind = signing.kind;
  if (kind === 'none') next.alg = 'none';
  else if (kind === 'private-key') next.alg = signing.asymmetricAlg;
  else if (kind === 'resign') {
    if (typeof header.alg !== 'string' || !HMAC_ALG.test(header.alg))
      next.alg =
        typeof original?.alg === 'string' && HMAC_ALG.test(original.alg) ? original.alg : 'HS256';
  } else if (original && 'alg' in original) next.alg = original.alg;
  else delete next.alg;
  return next;
}

/** The draft for `source`: the state's edits when they are of this source, else its parts as signed. */
export function draftOf(state: EditorState, source: string): Draft {
  if (state.draft?.source === source) return state.draft;
  const { header, payload } = partsOf(source);
  return {
    source,
    header: header ? pretty(withSigningAlg(header, state.signing, header)) : '',
    payload,
  };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'source-typed':
      return { ...state, typedSource: { text: action.text, over: action.currentToken } };
    case 'current-token-chosen':
      return { ...state, typedSource: null };
    case 'header-typed':
      return { ...state, draft: { ...draftOf(state, action.source), header: action.text } };
    case 'payload-typed':
      return { ...state, draft: { ...draftOf(state, action.source), payload: action.text } };
    case 'claim-set': {
      const draft = draftOf(state, action.source);
      const payload = parseObject(draft.payload);
      if (!payload) return state;
      const next = { ...payload };
      if (action.value === undefined) delete next[action.name];
      else next[action.name] = action.value;
      return { ...state, draft: { ...draft, payload: pretty(next) } };
    }
    case 'signing-chosen': {
      const draft = draftOf(state, action.source);
      const header = parseObject(draft.header);
      const signing = { ...state.signing, kind: action.kind };
      if (!header) return { ...state, signing, draft };
      const original = partsOf(action.source).header;
      return {
        ...state,
        signing,
        draft: { ...draft, header: pretty(withSigningAlg(header, signing, original)) },
      };
    }
    case 'asymmetric-alg-chosen': {
      const draft = draftOf(state, action.source);
      const header = parseObject(draft.header);
      const signing = { ...state.signing, asymmetricAlg: action.alg };
      if (!header) return { ...state, signing, draft };
      return {
        ...state,
        signing,
        draft: { ...draft, header: pretty({ ...header, alg: action.alg }) },
      };
    }
    case 'header-field-set': {
      const draft = draftOf(state, action.source);
      const header = parseObject(draft.header);
      if (!header) return state;
      return {
        ...state,
        draft: { ...draft, header: pretty({ ...header, [action.name]: action.value }) },
      };
    }
    case 'private-key-typed':
      return { ...state, signing: { ...state.signing, privateKey: action.privateKey } };
    case 'secret-typed':
      return { ...state, signing: { ...state.signing, secret: action.secret } };
    case 'encoding-chosen':
      return { ...state, signing: { ...state.signing, encoding: action.encoding } };
    case 'empty-key-set':
      return { ...state, signing: { ...state.signing, emptyKey: action.emptyKey } };
    case 'minutes-typed':
      return { ...state, minutes: action.minutes };
    case 'probe-chosen':
      return { ...state, probeIndex: action.index };
  }
}
