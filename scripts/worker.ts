// `npm run worker`: a process that only works the job queue (docs/decisions/018), for PostgreSQL
// deployments that run their web processes with CONDUCT_WORKER=off and scale workers on their own.
// On the embedded database the server process is the only one that may open it, so it works the
// queue itself and this script refuses to start.
import { serverEnv } from "@/lib/server/env";
import { closeDatabase } from "@/lib/server/db";
import { startWorker } from "@/lib/server/jobs/worker";
import { HANDLERS } from "@/lib/server/jobs/handlers";

if (!serverEnv().databaseUrl) {
  console.error("[worker] the embedded database belongs to the server process, which works the queue itself.");
  console.error("[worker] Set DATABASE_URL to run separate workers against PostgreSQL.");
  process.exit(2);
}
await startWorker(HANDLERS);
console.log(`[worker] working ${Object.keys(HANDLERS).length} queue(s); stop with Ctrl-C`);
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Finishes the job in hand (up to 10 s), then closes the database.
    void closeDatabase().then(
      () => process.exit(0),
      (err) => {
        console.error("[worker] could not stop cleanly", err);
        process.exit(1);
      },
    );
  });
