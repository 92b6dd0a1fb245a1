import { restrictOpenApiDocument } from './restrict-openapi.js';

const header = { $ref: '#/components/parameters/ApiVersion' };
const document = {
  openapi: '3.1.0',
  info: { title: 'Tollgate API', version: '2025-03-01' },
  paths: {
    '/resources': {
      summary: 'resources',
      get: {
        operationId: 'list',
        parameters: [
          header,
          { name: 'limit', in: 'query', required: false },
          { name: 'cursor', in: 'query', required: false },
        ],
      },
      post: { operationId: 'create' },
    },
    '/resources/{id}': {
      get: { operationId: 'get', parameters: [header, { name: 'id', in: 'path', required: true }] },
    },
    '/reports': {
      get: { operationId: 'reports', parameters: [{ name: 'from', in: 'query', required: true }] },
    },
  },
  components: { parameters: { ApiVersion: { name: 'X-Api-Version', in: 'header' } } },
};

describe('restrictOpenApiDocument', () => {
  it('keeps the operations a grant reaches, with only the granted query parameters, and the rest of the document', () => {
    const restricted = restrictOpenApiDocument(document, [
      { method: 'GET', path: '/resources', queryParameters: ['limit'] },
      { method: 'GET', path: '/resources/abc' },
    ]);
    expect(restricted).toEqual({
      kept: 2,
      total: 4,
      document: {
        ...document,
        paths: {
          '/resources': {
            summary: 'resources',
            get: {
              operationId: 'list',
              parameters: [header, { name: 'limit', in: 'query', required: false }],
            },
          },
          '/resources/{id}': document.paths['/resources/{id}'],
        },
      },
    });
  });

  it('drops an operation whose required query parameter no grant names', () => {
    expect(restrictOpenApiDocument(document, [{ method: 'GET', path: '/reports' }]).kept).toBe(0);
    expect(
      restrictOpenApiDocument(document, [
        { method: 'GET', path: '/reports', queryParameters: ['from'] },
      ]).document.paths,
    ).toEqual({
      '/reports': document.paths['/reports'],
    });
  });
});
