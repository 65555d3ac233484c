// Runs once when the server starts. Opens the database and runs one statement through Prisma, so
// the first visitor does not wait for it: the embedded database takes seconds to open, and its first
// statement loads the catalogue (about 0.5 s at 5 million observations; issue 8).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    const { db } = await import("@/lib/server/db");
    const started = performance.now();
    await db().user.findFirst({ select: { id: true } });
    console.log(`[conduct] database ready in ${Math.round(performance.now() - started)} ms`);
    const { serverEnv } = await import("@/lib/server/env");
    if (serverEnv().worker) {
      const { startWorker } = await import("@/lib/server/jobs/worker");
      const { HANDLERS } = await import("@/lib/server/jobs/handlers");
      // Not awaited: requests need not wait for the queue (its first start creates its tables).
      startWorker(HANDLERS).then(
        () => console.log("[conduct] job worker started"),
        (err) => console.error("[conduct] the job worker did not start", err),
      );
    }
  } catch (err) {
    // Not fatal: requests will open it (and report what is wrong) themselves.
    console.error("[conduct] could not open the database at start-up", err);
  }
}
