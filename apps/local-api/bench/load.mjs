#!/usr/bin/env node
// Load through the whole local chain: HTTP → gateway → authorizer Lambda → resources Lambda
// (router) → PostgreSQL (embedded PGlite, or DATABASE_URL). Loopback only, bounded in time.
//   node apps/local-api/bench/load.mjs            (Nx: npx nx run local-api:load)
//   LOAD_SECONDS=10 LOAD_CONNECTIONS=10 ...
// Prints req/s and p50/p99 latency per scenario. Needs the built bundles (the target builds them).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import autocannon from 'autocannon';

const root = resolve(import.meta.dirname, '../../..');
const seconds = Number(process.env.LOAD_SECONDS ?? 10);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 10);

const demoKeys = JSON.parse(readFileSync(resolve(root, 'apps/local-api/demo-keys.json'), 'utf8'));
const apiKey = Object.keys(demoKeys).find((key) => String(demoKeys[key].companyId) === '42');
const headers = { 'X-Api-Key': apiKey, 'X-Api-Version': '2025-03-01' };

// The chain's own speed is measured, not the dev usage plan's throttle (20 requests/s per key).
const unthrottled = JSON.stringify({
  throttle: { rateLimit: 1_000_000, burstLimit: 1_000_000 },
  usagePlans: { default: { throttle: { rateLimit: 999_999, burstLimit: 999_999 } } },
});
const child = spawn(process.execPath, [resolve(root, 'tools/scripts/start.mjs'), '--no-build'], {
  cwd: root,
  env: { ...process.env, PORT: '0', LOCAL_API_LIMITS: unthrottled },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolveUrl, reject) => {
  let banner = '';
  const onData = (chunk) => {
    banner += chunk;
    const match = /ready at (http:\/\/\S+)/.exec(banner);
    if (match && banner.includes('Ctrl-C stops everything.')) {
      child.stdout.off('data', onData);
      child.stdout.resume(); // drain the request log
      resolveUrl(match[1]);
    }
  };
  child.stdout.on('data', onData);
  child.once('exit', (code) => reject(new Error(`local API exited (${code}) before it was ready`)));
});

try {
  const list = await fetch(`${url}/resources?limit=1`, { headers });
  const resourceId = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(
    await list.text(),
  )?.[0];
  const scenarios = [
    { name: 'GET /resources?limit=10', path: '/resources?limit=10' },
    { name: 'GET /resources/{id}', path: `/resources/${resourceId}` },
  ];
  console.log(`local API at ${url}; ${connections} connections, ${seconds} s per scenario`);
  for (const scenario of scenarios) {
    const result = await autocannon({
      url: `${url}${scenario.path}`,
      headers,
      connections,
      duration: seconds,
    });
    const failed = result.non2xx + result.errors + result.timeouts;
    console.log(
      `${scenario.name.padEnd(26)} ${result.requests.average.toFixed(0).padStart(6)} req/s  ` +
        `p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  ` +
        `(${result.requests.total} requests, ${failed} failed)`,
    );
    if (failed > 0) process.exitCode = 1;
  }
} finally {
  child.kill('SIGTERM');
}
