import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleHandlerSource } from './handler-source.js';

const dist = mkdtempSync(join(tmpdir(), 'dist-apps-'));
function bundle(app: string, source: string) {
  mkdirSync(join(dist, app));
  writeFileSync(join(dist, app, 'package.json'), '{ "type": "commonjs" }');
  writeFileSync(join(dist, app, 'index.js'), source);
}
bundle(
  'good-lambda',
  'globalThis.loads = (globalThis.loads ?? 0) + 1; exports.handler = async (e) => e;',
);
bundle('no-handler-lambda', 'exports.other = 1;');
bundle('bad-config-lambda', "throw new Error('invalid configuration: DATABASE_URL is required');");

describe('bundleHandlerSource', () => {
  const source = bundleHandlerSource(dist);

  it("loads a bundle's CommonJS `handler` export once (a cold start, then warm)", () => {
    const handler = source.handlerFor('good-lambda');
    expect(source.handlerFor('good-lambda')).toBe(handler);
    expect((globalThis as { loads?: number }).loads).toBe(1);
  });

  it('fails with a clear message when a bundle is missing, exports no handler or fails at init', () => {
    expect(() => source.handlerFor('missing-lambda')).toThrow(/missing-lambda/);
    expect(() => source.handlerFor('no-handler-lambda')).toThrow(
      /does not export a handler function/,
    );
    expect(() => source.handlerFor('bad-config-lambda')).toThrow(
      'invalid configuration: DATABASE_URL is required',
    );
  });
});
