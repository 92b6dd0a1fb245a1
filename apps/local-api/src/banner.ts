import { type CurlExample, curlLine } from './curl-examples.js';
import type { KeySummary } from './key-map-summary.js';

export interface BannerFacts {
  readonly url: string;
  readonly startupMs: number;
  readonly database: string;
  readonly analyticsUrl: string;
  readonly keysFile: string;
  /** Demo keys are printed in full; keys of an `API_KEYS_FILE` are not. */
  readonly keys: readonly KeySummary[] | undefined;
  readonly examples: readonly CurlExample[];
}

/** What `npm start` prints once ready: where everything is, the keys, and requests to paste. */
export function formatBanner(facts: BannerFacts): string {
  const lines = [
    `Tollgate local API ready at ${facts.url} (${(facts.startupMs / 1000).toFixed(1)} s)`,
    `  database   ${facts.database}`,
    `  analytics  external data API stand-in at ${facts.analyticsUrl}`,
    `  keys       ${facts.keysFile}`,
    '',
  ];
  if (facts.keys) {
    lines.push('Demo API keys:');
    for (const key of facts.keys) {
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
