import "server-only";
import type {
  ArgType,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

// Every SQL statement Prisma sends goes through the driver adapter, so timing it there sees all of
// them, whichever data function issued them. A statement slower than the threshold is logged (the
// bench fails on any: no query on a request path may take longer than 250 ms, issue "Performance"),
// and tests and the bench can record the statements of a call to check their query plans.
// The time includes waiting for the connection: PGlite runs one statement at a time, and the pg
// pool has a fixed size, so under load a fast statement can be reported because it queued.

export interface QueryEvent {
  sql: string;
  /** As Prisma passed them to the driver (dates as ISO strings, see replayParams in query-plans.ts). */
  args: unknown[];
  argTypes: ArgType[];
  ms: number;
  kind: "query" | "execute" | "script";
  inTransaction: boolean;
  /** Statements of this handle still running when this one was sent: on PGlite, the ones it queued behind. */
  concurrent: number;
  failed: boolean;
}

export type QueryListener = (event: QueryEvent) => void;

export interface QueryLogOptions {
  /** Log statements slower than this many milliseconds; 0 logs every statement. */
  slowQueryMs: number;
  /** Called for every statement of this database handle. */
  onQuery?: QueryListener;
}

// Process-wide, on globalThis so that a module loaded twice (dev reloads, two bundles) shares them.
const holder = globalThis as unknown as { __conductQueryListeners?: Set<QueryListener> };
const listeners = (holder.__conductQueryListeners ??= new Set());

/** Calls `listener` for every statement of every database handle of this process, until the returned function is called. */
export function addQueryListener(listener: QueryListener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Runs `fn` and returns the statements run meanwhile (by any caller: use where nothing else runs). */
export async function captureQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: QueryEvent[] }> {
  const queries: QueryEvent[] = [];
  const remove = addQueryListener((e) => queries.push(e));
  try {
    return { result: await fn(), queries };
  } finally {
    remove();
  }
}

/** One line, so that log scrapers (the bench) can count them; parameters are never logged. */
export function slowQueryLine(ms: number, sql: string, concurrent = 0): string {
  return `[slow-query] ${Math.round(ms)} ms (sent while ${concurrent} ran): ${sql.replace(/\s+/g, " ").trim().slice(0, 300)}`;
}

/** Wraps a Prisma driver adapter factory so that every statement, outside and inside transactions, is timed. */
export function withQueryLog(factory: SqlDriverAdapterFactory, options: QueryLogOptions): SqlDriverAdapterFactory {
  const report = (event: QueryEvent) => {
    if (event.ms > options.slowQueryMs)
      process.stderr.write(`${slowQueryLine(event.ms, event.sql, event.concurrent)}\n`);
    options.onQuery?.(event);
    for (const l of listeners) l(event);
  };
  let running = 0;
  async function timed<T>(
    kind: QueryEvent["kind"],
    q: SqlQuery,
    inTransaction: boolean,
    run: () => Promise<T>,
  ): Promise<T> {
    const concurrent = running++;
    const start = performance.now();
    let failed = true;
    try {
      const result = await run();
      failed = false;
      return result;
    } finally {
      running--;
      report({
        sql: q.sql,
        args: q.args,
        argTypes: q.argTypes,
        ms: performance.now() - start,
        kind,
        inTransaction,
        concurrent,
        failed,
      });
    }
  }
  const wrapTransaction = (tx: Transaction): Transaction => ({
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (q) => timed("query", q, true, () => tx.queryRaw(q)),
    executeRaw: (q) => timed("execute", q, true, () => tx.executeRaw(q)),
    commit: () => tx.commit(),
    rollback: () => tx.rollback(),
  });
  const wrapAdapter = (a: SqlDriverAdapter): SqlDriverAdapter => ({
    provider: a.provider,
    adapterName: a.adapterName,
    queryRaw: (q) => timed("query", q, false, () => a.queryRaw(q)),
    executeRaw: (q) => timed("execute", q, false, () => a.executeRaw(q)),
    executeScript: (script) =>
      timed("script", { sql: script, args: [], argTypes: [] }, false, () => a.executeScript(script)),
    startTransaction: async (isolationLevel) => wrapTransaction(await a.startTransaction(isolationLevel)),
    ...(a.getConnectionInfo ? { getConnectionInfo: () => a.getConnectionInfo!() } : {}),
    dispose: () => a.dispose(),
  });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrapAdapter(await factory.connect()),
  };
}
