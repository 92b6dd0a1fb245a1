import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { handler } from '../examples/notes-api.js';
import * as notes from '../examples/notes-openapi.js';
import * as versions from '../examples/notes-versions.js';
import { proxyEvent } from './testing/index.js';

const ID = '0b6f2f9e-6a3e-4c1e-9d1a-6f1f1f1f1f1f';

describe('the README example', () => {
  it('is the code in examples/notes-api.ts, word for word', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const example = readFileSync(join(__dirname, '..', 'examples', 'notes-api.ts'), 'utf8');
    expect(readme).toContain('```ts\n' + example + '```');
  });

  it('serves what the README says it serves', async () => {
    const current = await handler(proxyEvent({ path: `/notes/${ID}`, version: '2025-03-01' }));
    expect(current).toMatchObject({ statusCode: 200, headers: { 'X-Api-Version': '2025-03-01' } });
    expect(JSON.parse(current.body)).toEqual({ id: ID, text: 'hello', tags: ['demo'] });

    const old = await handler(proxyEvent({ path: `/notes/${ID}`, version: '2024-12-01' }));
    expect(old.headers).toMatchObject({ Deprecation: '@1740787200', Sunset: 'Tue, 30 Jun 2026 00:00:00 GMT' });

    const missing = await handler(proxyEvent({ path: '/notes/6f1f1f1f-0000-4000-8000-000000000000', version: '2025-03-01' }));
    expect(missing).toMatchObject({ statusCode: 404, headers: { 'Content-Type': 'application/problem+json' } });

    const badVersion = await handler(proxyEvent({ path: `/notes/${ID}`, version: '2025-01-01' }));
    expect(JSON.parse(badVersion.body)).toMatchObject({ detail: 'supported versions: [2025-03-01 (latest), 2024-12-01]' });
  });
});

describe('the README OpenAPI example', () => {
  it('is the code in examples/notes-openapi.ts, word for word', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const example = readFileSync(join(__dirname, '..', 'examples', 'notes-openapi.ts'), 'utf8');
    expect(readme).toContain('```ts\n' + example + '```');
  });

  it('validates its answers and documents them in a valid OpenAPI 3.1 document', async () => {
    const result = await notes.router.handler(proxyEvent({ path: `/notes/${ID}`, version: '2025-03-01' }));
    expect(JSON.parse(result.body)).toEqual({ data: { id: ID, text: 'hello' } });
    const document = notes.documents.get('2025-03-01');
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    expect(Object.keys(document?.paths['/notes/{id}']?.['get']?.responses ?? {})).toEqual(['200', '400', '404', '500']);
  });
});


describe('the README versions example', () => {
  it('is the code in examples/notes-versions.ts, word for word', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const example = readFileSync(join(__dirname, '..', 'examples', 'notes-versions.ts'), 'utf8');
    expect(readme).toContain('```ts\n' + example + '```');
  });

  it('serves the older version through the change', async () => {
    const newest = await versions.router.handler(proxyEvent({ path: `/notes/${ID}`, version: '2025-03-01' }));
    expect(JSON.parse(newest.body)).toEqual({ data: { id: ID, text: 'hello' } });
    const older = await versions.router.handler(proxyEvent({ path: `/notes/${ID}`, version: '2024-12-01' }));
    expect(JSON.parse(older.body)).toEqual({ id: ID, body: 'hello' });
    expect(older.headers).toMatchObject({ Sunset: 'Tue, 30 Jun 2026 00:00:00 GMT' });
  });
});
