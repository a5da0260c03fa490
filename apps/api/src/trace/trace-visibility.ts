import type { Request } from 'express';
import { PLAYGROUND_SESSION_HEADER, type TraceOwner } from '@authlab/shared';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';

/** Who is asking to read traces: their token's subject and role, and their playground session. */
export interface TraceViewer {
  subject?: string;
  admin: boolean;
  session?: string;
}

export function traceViewerOf(request: Request): TraceViewer {
  const user = request.user as AuthenticatedUser | undefined;
  const session = request.headers[PLAYGROUND_SESSION_HEADER];
  return {
    ...(user ? { subject: String(user.id) } : {}),
    admin: user?.role === 'admin',
    ...(typeof session === 'string' && session.length > 0 ? { session } : {}),
  };
}

/**
 * A learner sees the traces of their own requests: those made with their token, and the
 * anonymous ones made from their playground session. An admin (the instructor) sees all.
 */
export function canSee(viewer: TraceViewer, trace: { owner: TraceOwner }): boolean {
  if (viewer.admin) return true;
  if (viewer.subject !== undefined && trace.owner.subject === viewer.subject) return true;
  return viewer.session !== undefined && trace.owner.session === viewer.session;
}
