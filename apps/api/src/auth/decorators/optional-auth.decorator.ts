import { Reflector } from '@nestjs/core';

/**
 * Serves callers with or without a token: a token that is sent must be valid (a bad one is
 * still 401), and the handler sees who called when one was. Used where anonymous callers are
 * served differently, not refused (reading one's own traces).
 */
export const OptionalAuth = Reflector.createDecorator<true>({ transform: () => true });
