import { resolve } from 'node:path';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

/** The built Lambda bundle, exactly the file the container image runs. */
export const bundlePath = resolve(__dirname, '../../../dist/apps/resources-lambda/index.js');

export type LambdaHandler = (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;

/**
 * Loads a fresh copy of the bundle (a new "container": module state and pool are its own) with
 * the given environment in place during its cold start.
 */
export function loadBundle(env: Record<string, string | undefined>): LambdaHandler {
  const saved = {
    DATABASE_URL: process.env['DATABASE_URL'],
    DB_SECRET_ID: process.env['DB_SECRET_ID'],
  };
  for (const [name, value] of Object.entries({
    DATABASE_URL: undefined,
    DB_SECRET_ID: undefined,
    ...env,
  })) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  try {
    let handler: LambdaHandler | undefined;
    jest.isolateModules(() => {
      // A require (not import) so that Jest's isolateModules gives each load its own module state.
      handler = (require(bundlePath) as { handler: LambdaHandler }).handler;
    });
    if (!handler) throw new Error(`${bundlePath} exports no handler`);
    return handler;
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
