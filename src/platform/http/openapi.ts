import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI generated from the routes' Zod schemas, at /api/openapi.json, with a docs page at /api/docs. */
export async function installOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Nära API',
        version: '0.1.0',
        description: 'Digital care for a Swedish region. Errors are always { "error": { "code", "message" } }.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'nara_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // Swagger UI would otherwise send our schema to validator.swagger.io; nothing leaves the server.
    uiConfig: { validatorUrl: null },
    staticCSP: true,
    transformStaticCSP: (header) => header.replace(' validator.swagger.io', '').replace(' upgrade-insecure-requests;', ''),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
