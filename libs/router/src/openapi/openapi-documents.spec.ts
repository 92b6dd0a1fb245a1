import SwaggerParser from '@apidevtools/swagger-parser';
import * as z from 'zod/mini';
import { route, type RouteDefinition } from '../route.js';
import { RouteDefinitionError } from '../route-definition-error.js';
import type { JsonSchemaConverter } from './json-schema.js';
import { OpenApiError } from './openapi-error.js';
import { openApiDocuments, type OpenApiOptions } from './openapi-documents.js';
import type { OpenApiDocument, OpenApiParameter } from './openapi-types.js';

const zodJsonSchema: JsonSchemaConverter = (schema, io) =>
  z.toJSONSchema(schema as z.ZodMiniType, { io, target: 'draft-2020-12' }) as Record<string, unknown>;

const note = { id: z.string(), text: z.string() };
const ok = () => ({ status: 200 });

const routes: RouteDefinition[] = [
  route({
    method: 'GET',
    path: '/notes',
    version: '2025-03-01',
    summary: 'List notes',
    schemas: { query: z.object({ limit: z.string(), cursor: z.optional(z.string()) }) },
    responses: { 200: { description: 'a page', body: z.strictObject({ data: z.array(z.strictObject(note)) }) } },
    handler: ok,
  }),
  route({
    method: 'GET',
    path: '/notes/{id}',
    version: '2025-03-01',
    schemas: { params: z.object({ id: z.uuid() }) },
    responses: {
      200: { description: 'the note', body: z.strictObject({ data: z.strictObject(note) }) },
      404: { description: 'no such note', problem: true },
    },
    handler: ok,
  }),
  route({
    method: 'POST',
    path: '/notes',
    version: '2025-03-01',
    schemas: { body: z.object({ text: z.string() }) },
    responses: { 201: { description: 'created', body: z.strictObject(note) } },
    handler: ok,
  }),
  route({
    method: 'GET',
    path: '/notes/{id}',
    version: '2024-12-01',
    deprecated: { sunset: '2026-06-30' },
    responses: { 200: { description: 'the note', body: z.strictObject(note) } },
    handler: ok,
  }),
];

const options: OpenApiOptions = {
  routes,
  title: 'Notes API',
  description: 'Notes.',
  servers: [{ url: 'https://api.example.com', description: 'prod' }],
  apiKeyHeader: 'X-Api-Key',
  jsonSchema: zodJsonSchema,
  gatewayProblems: [
    { status: 401, example: { type: 'https://example.com/problems/unauthorized', title: 'Unauthorized' } },
    { status: 429, example: { type: 'about:blank', title: 'Too Many Requests' } },
  ],
  unmatchedProblems: [{ status: 404, example: { type: 'https://example.com/problems/not-found', title: 'Not Found' } }],
};

const documents = openApiDocuments(options);
const current = documents.get('2025-03-01') as OpenApiDocument;
const deprecated = documents.get('2024-12-01') as OpenApiDocument;
const getNote = current.paths['/notes/{id}']?.['get'];

describe('openApiDocuments', () => {
  it('writes one valid OpenAPI 3.1 document per version, newest first', async () => {
    expect([...documents.keys()]).toEqual(['2025-03-01', '2024-12-01']);
    for (const document of documents.values()) {
      expect(document.openapi).toMatch(/^3\.1\./);
      await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    }
  });

  it('holds exactly the routes serving that version', () => {
    expect(Object.keys(current.paths)).toEqual(['/notes', '/notes/{id}']);
    expect(Object.keys(current.paths['/notes'] ?? {})).toEqual(['get', 'post']);
    expect(Object.keys(deprecated.paths)).toEqual(['/notes/{id}']);
    expect(current.info).toMatchObject({ title: 'Notes API', version: '2025-03-01', description: 'Notes.' });
  });

  it('requires the X-Api-Key scheme and the version header, and names the servers', () => {
    expect(current.security).toEqual([{ apiKey: [] }]);
    expect(current.components.securitySchemes).toEqual({ apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } });
    expect(current.components.parameters['ApiVersion']).toMatchObject({
      name: 'X-Api-Version',
      in: 'header',
      required: true,
      schema: { const: '2025-03-01' },
    });
    expect(getNote?.parameters[0]).toEqual({ $ref: '#/components/parameters/ApiVersion' });
    expect(current.servers).toEqual(options.servers);
  });

  it('documents path and query parameters from the Standard Schemas', () => {
    const [, id] = getNote?.parameters as OpenApiParameter[];
    expect(id).toMatchObject({ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } });
    const list = current.paths['/notes']?.['get']?.parameters.slice(1);
    expect(list).toEqual([
      { name: 'limit', in: 'query', required: true, schema: { type: 'string' } },
      { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
    ]);
    expect(current.paths['/notes']?.['post']?.requestBody?.content['application/json']?.schema).toMatchObject({
      type: 'object',
      required: ['text'],
    });
  });

  it('documents declared responses with their schemas, and problems by status', () => {
    const responses = getNote?.responses ?? {};
    expect(Object.keys(responses)).toEqual(['200', '400', '401', '404', '429', '500']);
    expect(responses['200']?.content?.['application/json']?.schema).toMatchObject({
      type: 'object',
      properties: { data: { properties: { id: { type: 'string' } } } },
      additionalProperties: false,
    });
    expect(responses['404']).toMatchObject({
      description: 'no such note',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
    const badRequest = responses['400']?.content?.['application/problem+json']?.examples ?? {};
    expect(Object.keys(badRequest)).toEqual(['missing-version', 'invalid-version', 'unsupported-version', 'validation-failed']);
    expect(badRequest['unsupported-version']?.value).toMatchObject({ supportedVersions: ['2025-03-01', '2024-12-01'] });
    expect(badRequest['validation-failed']?.value).toMatchObject({ errors: [expect.objectContaining({ location: 'body' })] });
    expect(responses['401']?.headers).toBeUndefined();
    expect(responses['200']?.headers?.['X-Api-Version']).toBeDefined();
  });

  it('defines the RFC 9457 problem with its extension members', () => {
    expect(current.components.schemas['Problem']).toMatchObject({
      required: ['type', 'title'],
      properties: { supportedVersions: { type: 'array' }, errors: { items: { $ref: '#/components/schemas/ValidationIssue' } } },
    });
  });

  it('documents the answers to requests no operation matches', () => {
    expect(current.components.responses['NotFound']).toMatchObject({ 'x-status': 404 });
    expect(current.components.responses['MethodNotAllowed']).toMatchObject({ 'x-status': 405 });
  });

  it('marks deprecated operations, and a version whose every operation is, with their sunset', () => {
    expect(getNote?.deprecated).toBeUndefined();
    expect(deprecated.paths['/notes/{id}']?.['get']).toMatchObject({ deprecated: true, 'x-sunset': '2026-06-30' });
    expect(deprecated.paths['/notes/{id}']?.['get']?.responses['200']?.headers).toHaveProperty('Sunset');
    expect(deprecated.info).toMatchObject({ 'x-deprecated': true, 'x-sunset': '2026-06-30' });
    expect(current.info['x-deprecated']).toBeUndefined();
  });

  it('refuses a route that declares no responses, naming it', () => {
    const bare = route({ method: 'GET', path: '/bare', version: '2025-03-01', handler: ok });
    expect(() => openApiDocuments({ ...options, routes: [...routes, bare] })).toThrow(
      new OpenApiError('undocumented-route', 'GET /bare 2025-03-01: no responses declared'),
    );
  });

  it('refuses RegExp paths, schemas it cannot convert, clashing operation ids, and tables the router refuses', () => {
    const responses = { 200: { description: 'ok' } };
    const regExp = route({ method: 'GET', path: /^\/x$/, version: '2025-03-01', responses, handler: ok });
    expect(() => openApiDocuments({ ...options, routes: [regExp] })).toThrow(expect.objectContaining({ code: 'regexp-route' }));
    // zod/mini schemas carry no Standard JSON Schema converter of their own.
    expect(() => openApiDocuments({ ...options, jsonSchema: undefined })).toThrow(
      expect.objectContaining({ code: 'unconvertible-schema' }),
    );
    const alike = ['/notes-x', '/notes/x'].map((path) => route({ method: 'GET', path, version: '2025-03-01', responses, handler: ok }));
    expect(() => openApiDocuments({ ...options, routes: alike })).toThrow(
      new OpenApiError('duplicate-operation-id', '2025-03-01: two operations named getNotesX'),
    );
    const twice = [routes[0] as RouteDefinition, routes[0] as RouteDefinition];
    expect(() => openApiDocuments({ ...options, routes: twice })).toThrow(RouteDefinitionError);
  });
});
