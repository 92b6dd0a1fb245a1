import { execFileSync } from 'node:child_process';
import { formatBanner } from './banner.js';
import { curlLine, demoExamples } from './curl-examples.js';

const examples = demoExamples({
  fullKey: 'sk_full',
  listOnlyKey: 'sk_list',
  ownResourceId: 'own-id',
  otherResourceId: 'other-id',
  reportId: 'daily-usage',
});

describe('curlLine', () => {
  it('prints a command a shell runs with exactly the URL and headers intended', () => {
    const line = curlLine('http://127.0.0.1:3000', {
      what: '',
      path: "/resources?limit=2&x='y'",
      apiKey: "sk_it's",
      version: '2025-03-01',
      expectedStatus: 200,
    });
    const argv = execFileSync('sh', ['-c', line.replace(/^curl/, 'printf "%s\\n"')], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n');
    expect(argv).toEqual([
      '-i',
      "http://127.0.0.1:3000/resources?limit=2&x='y'",
      '-H',
      "X-Api-Key: sk_it's",
      '-H',
      'X-Api-Version: 2025-03-01',
    ]);
  });
});

describe('demoExamples', () => {
  it('shows both keys, both versions, analytics, a 404 across companies and a 403', () => {
    expect(examples.map((e) => [e.apiKey, e.path, e.version, e.expectedStatus])).toEqual([
      ['sk_full', '/resources?limit=2', '2025-03-01', 200],
      ['sk_full', '/resources/own-id', '2024-12-01', 200],
      ['sk_full', '/analytics/daily-usage', '2024-12-01', 200],
      ['sk_full', '/resources/other-id', '2025-03-01', 404],
      ['sk_list', '/resources', '2025-03-01', 200],
      ['sk_list', '/resources/other-id', '2025-03-01', 403],
    ]);
  });
});

describe('formatBanner', () => {
  const facts = {
    url: 'http://127.0.0.1:3000',
    databaseDescription: 'embedded PostgreSQL',
    analyticsUrl: 'http://127.0.0.1:4000',
    apiKeysFile: 'apps/local-api/demo-keys.json',
    demoKeys: [
      { apiKey: 'sk_full', companyId: '42', userId: '7', grants: ['GET /resources ?limit&cursor'] },
    ],
    examples,
  };

  it('prints the URL, each key with its grants, and each example above its curl line', () => {
    const banner = formatBanner(facts, 2345);
    const [, , , notFound] = examples;
    expect(banner).toContain('ready at http://127.0.0.1:3000 (2.3 s)');
    expect(banner).toContain('  openapi    http://127.0.0.1:3000/openapi (');
    expect(banner).toContain('  sk_full   company 42, user 7\n      GET /resources ?limit&cursor');
    expect(banner).toContain(
      `  # 404: another company's resource is not found\n  ${notFound && curlLine(facts.url, notFound)}`,
    );
    expect(banner.endsWith('Ctrl-C stops everything.')).toBe(true);
  });

  it('prints no keys and no examples for an API_KEYS_FILE', () => {
    const banner = formatBanner({ ...facts, demoKeys: undefined, examples: [] }, 2345);
    expect(banner).not.toContain('sk_full');
    expect(banner).not.toContain('curl');
  });
});
