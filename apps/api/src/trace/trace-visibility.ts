import type { Request } from 'express';
import { PLAYGROUND_SESSION_HEADER, type TraceOwner } from '@authlab/shared';
import type { Principal } from '../auth/authentication/authenticated-user.js';

/** Who is asking to read traces: their token's subject and role, and their playground session. */
export interface TraceViewer {
  subject?: string;
  admin: boolean;
  session?: string;
}

/** The subject a trace is filed under: a user's id, or a machine client's client_id. */
export function traceSubjectOf(principal: Principal): string {
  return principal.kind === 'user' ? String(principal.id) : principal.clientId;
}

export function traceViewerOf(request: Request): TraceViewer {
  const principal = request.user as Principal | undefined;
  const session = request.headers[PLAYGROUND_SESSION_HEADER];
  return {
    ...(principal ? { subject: traceSubjectOf(principal) } : {}),
    admin: principal?.kind === 'user' && principal.role === 'admin',
    ...(typeof session === 'string' && session.length > 0 ? { session } : {}),
  };
}

/**
 * A caller sees the traces of their own requests: those made with their token (a user's or a
 * machine client's), and the anonymous ones made from their playground session. The session id
 * alone never shows an authenticated request: whoever learns it would read that user's
 * requests. An admin (the instructor) sees all.
 */
export function canSee(viewer: TraceViewer, trace: { owner: TraceOwner }): boolean {
  if (viewer.admin) return true;
  if (viewer.subject !== undefined && trace.owner.subject === viewer.subject) return true;
  return (
    trace.owner.subject === undefined &&
    viewer.session !== undefined &&
    trace.owner.session === viewer.session
  );
}
