export interface EmbeddedPostgres {
  /** `postgres://` URL of the embedded server, for the `pg` driver. */
  readonly url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Port to listen on; 0 (default) lets the OS pick a free one. */
  port?: number;
  /** Concurrent client connections the socket server multiplexes onto PGlite (default 8). */
  maxConnections?: number;
}

/**
 * Starts an in-memory PostgreSQL (PGlite) served over the Postgres wire protocol on
 * 127.0.0.1, so that the very same `pg` driver code runs against it as against a real server.
 * PGlite and its socket server are imported lazily: they are development tools and must never
 * end up in a Lambda bundle's start-up path.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-socket'),
  ]);
  const pglite = await PGlite.create();
  const server = new PGLiteSocketServer({
    db: pglite,
    host: '127.0.0.1',
    port: options.port ?? 0,
    // The socket server queues queries and keeps a transaction on the connection that began it,
    // so a small pool can share the single-connection PGlite.
    maxConnections: options.maxConnections ?? 8,
  });
  await server.start();
  // getServerConn() reports the OS-assigned port once listening.
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await pglite.close();
    },
  };
}
