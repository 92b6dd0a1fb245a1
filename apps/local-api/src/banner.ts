import { curlLine } from './curl-examples.js';
import type { LocalApi } from './start-local-api.js';

/** What the banner tells about a started local API. */
export type BannerFacts = Pick<
  LocalApi,
  'url' | 'databaseDescription' | 'analyticsUrl' | 'apiKeysFile' | 'demoKeys' | 'examples'
>;

/** What `npm start` prints once ready: where everything is, the keys, and requests to paste. */
export function formatBanner(facts: BannerFacts, startupMs: number): string {
  const lines = [
    `Tollgate local API ready at ${facts.url} (${(startupMs / 1000).toFixed(1)} s)`,
    `  database   ${facts.databaseDescription}`,
    `  analytics  external data API stand-in at ${facts.analyticsUrl}`,
    `  keys       ${facts.apiKeysFile}`,
    `  openapi    ${facts.url}/openapi (the documents of every version, no key needed)`,
    '',
  ];
  if (facts.demoKeys) {
    lines.push('Demo API keys:');
    for (const key of facts.demoKeys) {
      lines.push(`  ${key.apiKey}   company ${key.companyId}, user ${key.userId}`);
      for (const grant of key.grants) lines.push(`      ${grant}`);
    }
    lines.push('');
  }
  if (facts.examples.length > 0) {
    lines.push('Try:');
    for (const example of facts.examples) {
      lines.push(
        `  # ${example.expectedStatus}: ${example.what}`,
        `  ${curlLine(facts.url, example)}`,
      );
    }
    lines.push('');
  }
  lines.push('Ctrl-C stops everything.');
  return lines.join('\n');
}
