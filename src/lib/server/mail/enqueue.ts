import "server-only";

// The one place the mail module reaches the job queue (docs/decisions/018): the "mail.send" job
// nudges deliverMail (src/lib/server/jobs/handlers.ts).
export { enqueueMany } from "../jobs/queue";
