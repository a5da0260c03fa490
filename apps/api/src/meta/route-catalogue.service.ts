import {
  Inject,
  Injectable,
  RequestMethod,
  type OnApplicationBootstrap,
  type Type,
} from '@nestjs/common';
import {
  GUARDS_METADATA,
  INTERCEPTORS_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  PIPES_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants.js';
import {
  APP_GUARD,
  APP_INTERCEPTOR,
  APP_PIPE,
  DiscoveryService,
  MetadataScanner,
  Reflector,
} from '@nestjs/core';
import type { RouteMetadata } from '@authlab/shared';
import { CheckPolicies } from '../auth/decorators/check-policies.decorator.js';
import { OptionalAuth } from '../auth/decorators/optional-auth.decorator.js';
import { Public } from '../auth/decorators/public.decorator.js';
import { RequirePermissions } from '../auth/decorators/require-permissions.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { API_PREFIX, UNPREFIXED_PATHS } from './api-prefix.js';

/** @nestjs/swagger keeps @ApiOperation() under this metadata key. */
const API_OPERATION = 'swagger/apiOperation';

type Enhancer = Type | object;

function nameOf(enhancer: Enhancer): string {
  if (typeof enhancer === 'function') return enhancer.name;
  // A pipe instance may say what it validates (ZodValidationPipe's "request body", say).
  const what = (enhancer as { what?: unknown }).what;
  const name = enhancer.constructor.name;
  return typeof what === 'string' ? `${name}(${what})` : name;
}

function asList(value: unknown): string[] {
  if (value === undefined) return [''];
  return Array.isArray(value) ? (value as string[]) : [value as string];
}

function joinPath(...parts: string[]): string {
  const joined = parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/');
  return `/${joined}`;
}

/**
 * Every route of the running API as its decorators declare it, read once at start-up from the
 * real metadata — never a hand-written table, so the RBAC matrix can never drift from the code.
 */
@Injectable()
export class RouteCatalogue implements OnApplicationBootstrap {
  private routes: RouteMetadata[] | undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Inject(API_PREFIX) private readonly prefix: string,
  ) {}

  onApplicationBootstrap(): void {
    this.routes = this.read();
  }

  /** Read on first use too: the OpenAPI document is built from it before the app starts. */
  list(): RouteMetadata[] {
    return (this.routes ??= this.read());
  }

  /** Global enhancers registered with APP_GUARD / APP_INTERCEPTOR / APP_PIPE, in registration order. */
  private globals(token: string): string[] {
    return this.discovery
      .getProviders()
      .filter(
        (wrapper) =>
          typeof wrapper.token === 'string' && wrapper.token.startsWith(`${token} (UUID`),
      )
      .map((wrapper) => (wrapper.metatype as Type | null)?.name ?? String(wrapper.token));
  }

  private read(): RouteMetadata[] {
    const globalGuards = this.globals(APP_GUARD);
    const globalInterceptors = this.globals(APP_INTERCEPTOR);
    const globalPipes = this.globals(APP_PIPE);
    const routes: RouteMetadata[] = [];

    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      const metatype = wrapper.metatype;
      if (!instance || !metatype) continue;
      const controller = metatype as Type;
      const prototype = Object.getPrototypeOf(instance) as Record<
        string,
        (...args: unknown[]) => unknown
      >;

      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name]!;
        const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
        if (methodPaths === undefined) continue;
        const method =
          RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const targets = [handler, controller];
        const ownList = (key: string) =>
          [
            ...((Reflect.getMetadata(key, controller) as Enhancer[] | undefined) ?? []),
            ...((Reflect.getMetadata(key, handler) as Enhancer[] | undefined) ?? []),
          ].map(nameOf);
        const argumentPipes = Object.values(
          (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) as
            Record<string, { pipes?: Enhancer[] }> | undefined) ?? {},
        ).flatMap((argument) => (argument.pipes ?? []).map(nameOf));
        const operation = Reflect.getMetadata(API_OPERATION, handler) as
          { summary?: string } | undefined;
        const isPublic = this.reflector.getAllAndOverride(Public, targets) === true;

        for (const controllerPath of asList(Reflect.getMetadata(PATH_METADATA, controller))) {
          for (const methodPath of asList(methodPaths)) {
            const path = joinPath(controllerPath, methodPath);
            routes.push({
              method,
              path: UNPREFIXED_PATHS.includes(path) ? path : joinPath(this.prefix, path),
              controller: controller.name,
              handler: name,
              public: isPublic,
              optionalAuth: this.reflector.getAllAndOverride(OptionalAuth, targets) === true,
              roles: this.reflector.getAllAndOverride(Roles, targets) ?? null,
              permissions: this.reflector.getAllAndOverride(RequirePermissions, targets) ?? null,
              policy: this.reflector.getAllAndOverride(CheckPolicies, targets) ?? null,
              guards: [...globalGuards, ...ownList(GUARDS_METADATA)],
              interceptors: [...globalInterceptors, ...ownList(INTERCEPTORS_METADATA)],
              pipes: [...globalPipes, ...ownList(PIPES_METADATA), ...argumentPipes],
              ...(operation?.summary ? { summary: operation.summary } : {}),
            });
          }
        }
      }
    }
    return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  }
}
