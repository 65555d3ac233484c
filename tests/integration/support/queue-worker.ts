// Child process for the queue's exactly-once test (issue 17): a worker on DATABASE_URL whose
// handler for the "outbox.sweep" queue records each job it runs in queue_test_effect, naming this
// worker. Runs until SIGTERM, then stops gracefully (finishing the job in hand) and prints "DONE".
import { database, closeDatabase } from "@/lib/server/db";
import { runWorker } from "@/lib/server/jobs/worker";

const [name = "worker"] = process.argv.slice(2);
const db = database();
const instance = await runWorker(
  db.jobs,
  {
    "outbox.sweep": async (_data, job) => {
      await db.sql.query(`INSERT INTO queue_test_effect (job_id, worker) VALUES ($1, $2)`, [job.id, name]);
      await new Promise((r) => setTimeout(r, 2));
    },
  },
  { pollingIntervalSeconds: 0.5, schedule: false },
);
console.log("READY");
process.on("SIGTERM", () => {
  void (async () => {
    await instance.stop({ graceful: true, wait: true, timeout: 10_000 });
    await closeDatabase();
    console.log("DONE");
    process.exit(0);
  })();
});
