// The PostgreSQL connections the app's processes hold, sampled while the bench runs: every backend
// connected to the bench database (idle pool connections count: they are what max_connections limits),
// not this watcher's own.
import pg from "pg";

export interface ConnectionWatch {
  /** The most connections seen since the start or the last reset. */
  peak(): number;
  reset(): void;
  stop(): Promise<void>;
}

export async function watchConnections(databaseUrl: string, everyMs = 100): Promise<ConnectionWatch> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let peak = 0;
  let stopped = false;
  const poll = async () => {
    while (!stopped) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      peak = Math.max(peak, rows[0]?.n ?? 0);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  };
  const loop = poll();
  return {
    peak: () => peak,
    reset: () => (peak = 0),
    async stop() {
      stopped = true;
      await loop.catch(() => {});
      await client.end();
    },
  };
}
