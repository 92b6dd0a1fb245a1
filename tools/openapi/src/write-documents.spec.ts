import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { route } from '@tollgate/router';
import { openApiDocuments } from '@tollgate/router/openapi';
import { writeDocuments } from './write-documents.js';
import { zodJsonSchema } from './tollgate-documents.js';

const responses = { 200: { description: 'ok' } };
const documents = openApiDocuments({
  title: 'Notes',
  jsonSchema: zodJsonSchema,
  routes: [
    route({
      method: 'GET',
      path: '/notes',
      version: '2025-03-01',
      responses,
      handler: () => ({ status: 200 }),
    }),
    route({
      method: 'GET',
      path: '/notes',
      version: '2024-12-01',
      deprecated: { sunset: '2026-06-30' },
      responses,
      handler: () => ({ status: 200 }),
    }),
  ],
});

describe('writeDocuments', () => {
  it('replaces the directory with one file per version, an index and the changelog', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi');
    mkdirSync(dir);
    writeFileSync(join(dir, '2020-01-01.json'), '{}');

    expect(writeDocuments(dir, documents)).toEqual([
      'index.json',
      '2025-03-01.json',
      '2024-12-01.json',
      'CHANGELOG.md',
    ]);
    expect(readdirSync(dir).sort()).toEqual([
      '2024-12-01.json',
      '2025-03-01.json',
      'CHANGELOG.md',
      'index.json',
    ]);
    expect(existsSync(join(dir, '2020-01-01.json'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, '2025-03-01.json'), 'utf8'))).toEqual(
      documents.get('2025-03-01'),
    );
    expect(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'))).toEqual({
      versions: [
        { version: '2025-03-01', document: '2025-03-01.json', deprecated: false },
        {
          version: '2024-12-01',
          document: '2024-12-01.json',
          deprecated: true,
          sunset: '2026-06-30',
        },
      ],
    });
    expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toContain(
      '## 2025-03-01 (changes from 2024-12-01)\n\n- `GET /notes`: version 2024-12-01 deprecated, served until 2026-06-30',
    );
  });
});
