import { formatBanner } from './banner.js';
import { ConfigError } from '@tollgate/runtime-kit';
import { localConfigFromEnv } from './local-config.js';
import { type LocalApi, startLocalApi } from './start-local-api.js';
import { findWorkspaceRoot } from './workspace-root.js';

/** Shutdown must be quick; anything still open after this is abandoned. */
const shutdownGraceMs = 3000;

function oneLine(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    return `${error.message} (another process uses the port: set PORT, e.g. PORT=3001 npm start)`;
  }
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}

async function main(): Promise<void> {
  const config = localConfigFromEnv(process.env, process.cwd());
  const api: LocalApi = await startLocalApi({
    workspaceRoot: findWorkspaceRoot(process.cwd()),
    config,
    log: (line) => console.log(line),
    lambdaEnv: process.env,
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the local API…`);
    setTimeout(() => process.exit(1), shutdownGraceMs).unref();
    // The bundles' own connection pools would keep the process alive: exit once ours are closed.
    void api.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`local-api: shutdown failed: ${oneLine(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  // Since the process started (performance's time origin), the build step included.
  console.log(formatBanner(api, performance.now()));
}

main().catch((error: unknown) => {
  // A ConfigError says "invalid configuration: …" itself.
  const prefix = error instanceof ConfigError ? '' : 'could not start: ';
  console.error(`local-api: ${prefix}${oneLine(error)}`);
  process.exit(1);
});
