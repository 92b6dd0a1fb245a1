import SwaggerParser from '@apidevtools/swagger-parser';
import { domains, gatewayProblems, loadRouteTables } from '@tollgate/domain-registry';
import type { RouteDefinition } from '@tollgate/router';
import type { OpenApiDocument, OpenApiOperation } from '@tollgate/router/openapi';
import { tollgateDocuments } from './tollgate-documents.js';

const servers = [{ url: 'https://api.example.com', description: 'test' }];
let documents: Map<string, OpenApiDocument>;

beforeAll(async () => {
  documents = tollgateDocuments({
    routes: await loadRouteTables<RouteDefinition>(domains),
    servers,
  });
});

const operations = (document: OpenApiDocument): [string, OpenApiOperation][] =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]): [string, OpenApiOperation] => [
      `${method.toUpperCase()} ${path}`,
      operation,
    ]),
  );

describe('the platform’s OpenAPI documents, from every domain of the registry', () => {
  it('are one valid OpenAPI 3.1 document per API version', async () => {
    expect([...documents.keys()]).toEqual(['2025-03-01', '2024-12-01']);
    for (const document of documents.values()) {
      await expect(
        SwaggerParser.validate(structuredClone(document) as never),
      ).resolves.toBeDefined();
    }
  });

  it('hold every domain’s routes of that version', () => {
    for (const document of documents.values()) {
      const paths = Object.keys(document.paths);
      for (const domain of domains) {
        expect(paths.some((path) => domain.basePaths.some((base) => path.startsWith(base)))).toBe(
          true,
        );
      }
    }
  });

  it('mark every operation of 2024-12-01, and the version, deprecated with its sunset', () => {
    const old = documents.get('2024-12-01') as OpenApiDocument;
    for (const [, operation] of operations(old)) {
      expect(operation).toMatchObject({ deprecated: true, 'x-sunset': '2027-06-30' });
    }
    expect(old.info).toMatchObject({ 'x-deprecated': true, 'x-sunset': '2027-06-30' });
    for (const [, operation] of operations(documents.get('2025-03-01') as OpenApiDocument)) {
      expect(operation.deprecated).toBeUndefined();
    }
  });

  it('document, for every GET, the 200, a malformed input’s 400, the gateway’s key and throttling problems', () => {
    for (const document of documents.values()) {
      expect(document.servers).toEqual(servers);
      expect(document.components.securitySchemes).toEqual({
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      });
      for (const [name, operation] of operations(document)) {
        const statuses = Object.keys(operation.responses);
        expect({ name, statuses }).toEqual({
          name,
          statuses: expect.arrayContaining(['200', '400', '401', '403', '429', '500']),
        });
        expect(operation.responses['200']?.content?.['application/json']?.schema).toMatchObject({
          type: 'object',
        });
        if (name.includes('{')) expect(statuses).toContain('404');
      }
    }
  });

  it('document the gateway’s not-found for requests that match no operation, with the router’s 404 and 405', () => {
    const responses = (documents.get('2025-03-01') as OpenApiDocument).components.responses;
    const notFound = responses['NotFound']?.content?.['application/problem+json']?.examples ?? {};
    expect(
      Object.values(notFound).map((example) => (example.value as { type: string }).type),
    ).toContain(gatewayProblems['not-found'].type);
    expect(responses['MethodNotAllowed']?.['x-status']).toBe(405);
  });
});
