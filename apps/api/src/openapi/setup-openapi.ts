import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { RouteCatalogue } from '../meta/route-catalogue.service.js';
import { completeDocument } from './complete-document.js';
import { addSecuritySchemes } from './security-schemes.js';

/**
 * The API's OpenAPI document: read from the controllers' decorators, then completed from the
 * route metadata (guards' errors, challenges, security requirements: complete-document.ts).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    addSecuritySchemes(
      new DocumentBuilder()
        .setTitle('authlab reference API')
        .setDescription(
          'Sign up or sign in to receive a bearer token, press "Authorize", paste it, and call the ' +
            'protected routes. Roles: user (read), writer (+create, update and delete of their own articles), ' +
            'editor (read, create, update any), admin (all). ' +
            'Every answer carries X-Trace-Id; every error has one JSON shape (ErrorBody), except the ' +
            'token endpoint’s, which follow RFC 6749 §5.2 (OAuthErrorBody).',
        )
        .setVersion('0.1.0'),
    ).build(),
  );
  completeDocument(document, app.get(RouteCatalogue).list());
  return document;
}

/** The OpenAPI document at /api/docs/openapi.json and Swagger UI at /api/docs. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
}
