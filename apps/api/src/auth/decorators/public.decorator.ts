import { Reflector } from '@nestjs/core';

/**
 * Opens a route to callers without a token. Every other route needs one: the JWT guard is
 * global, so forgetting a decorator closes a route instead of opening it.
 */
export const Public = Reflector.createDecorator<true>({ transform: () => true });
