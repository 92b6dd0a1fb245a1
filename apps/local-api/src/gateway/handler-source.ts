import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { LambdaHandler } from './lambda-invocation.js';

/** Where the gateway gets a Lambda app's handler from: the built bundles, or fakes in tests. */
export interface HandlerSource {
  /** Loads (once) and returns the app's `handler`; throws with a clear message if it cannot. */
  handlerFor(lambdaApp: string): LambdaHandler;
}

/**
 * Loads `<distAppsDir>/<app>/index.js`, the very file the container image runs, on first use
 * (a cold start). The bundles are CommonJS, so plain `require` loads them.
 */
export function bundleHandlerSource(distAppsDir: string): HandlerSource {
  const requireBundle = createRequire(join(distAppsDir, 'local-api-loader.cjs'));
  const loaded = new Map<string, LambdaHandler>();
  return {
    handlerFor(lambdaApp) {
      const cached = loaded.get(lambdaApp);
      if (cached) return cached;
      const file = join(distAppsDir, lambdaApp, 'index.js');
      const moduleExports = requireBundle(file) as { handler?: unknown };
      if (typeof moduleExports.handler !== 'function') {
        throw new Error(`${file} does not export a handler function`);
      }
      const handler = moduleExports.handler as LambdaHandler;
      loaded.set(lambdaApp, handler);
      return handler;
    },
  };
}
