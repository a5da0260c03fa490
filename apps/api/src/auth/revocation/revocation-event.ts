/**
 * What one instance tells the others when a token stops being honoured. Every event only ever
 * adds a refusal or raises a version, so events may arrive twice or out of order harmlessly.
 * Times are seconds since the epoch: when the fact can be forgotten because every token it
 * concerns has expired.
 */
export type RevocationEvent =
  /** One access token signed out: refused by its `jti` until it expires. */
  | { type: 'token'; jti: string; until: number }
  /** Sessions (refresh families) ended: every access token issued in them is refused. */
  | { type: 'sessions'; ids: string[]; until: number }
  /** A principal's token version was raised: tokens carrying a lower `ver` are refused. */
  | { type: 'version'; principal: string; version: number };

const ID = /^[\w:-]{1,128}$/;
const isId = (value: unknown): value is string => typeof value === 'string' && ID.test(value);
const isTime = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 0;

/** Reads an event from the shared channel; anything malformed is dropped, never half-applied. */
export function parseRevocationEvent(text: string): RevocationEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const event = value as Record<string, unknown>;
  switch (event.type) {
    case 'token':
      return isId(event.jti) && isTime(event.until)
        ? { type: 'token', jti: event.jti, until: event.until }
        : undefined;
    case 'sessions':
      return Array.isArray(event.ids) && event.ids.every(isId) && isTime(event.until)
        ? { type: 'sessions', ids: event.ids, until: event.until }
        : undefined;
    case 'version':
      return isId(event.principal) && isTime(event.version)
        ? { type: 'version', principal: event.principal, version: event.version }
        : undefined;
    default:
      return undefined;
  }
}
