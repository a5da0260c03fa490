/**
 * Decodes one base64url part of a JWT (the header or the payload) into a JSON object, or
 * undefined when it is not one. Reading a part is not trusting it: nothing here is verified.
 */
export function decodeJoseSegment(
  segment: string | undefined,
): Record<string, unknown> | undefined {
  if (!segment) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
