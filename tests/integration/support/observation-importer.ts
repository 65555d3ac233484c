// Child process for the concurrent-import test (issue 15, item 12): commits the observation files
// <dir>/<name>-<round>.csv one after another as the given admin, against DATABASE_URL. Run in its
// own process so that its statements really overlap with another importer's (one Node process
// prepares its queries one at a time, which hid the deadlock). Prints one line per round.
import { readFileSync } from "node:fs";
import path from "node:path";
import { closeDatabase } from "@/lib/server/db";
import { memberContext } from "@/lib/server/data/accounts";
import { commitObservationImport } from "@/lib/server/data/observation-transfer";

const [orgId = "", userId = "", dir = "", name = "", rounds = "0"] = process.argv.slice(2);
const ctx = await memberContext(userId, orgId);
if (!ctx) throw new Error("not a member");
for (let round = 0; round < Number(rounds); round++) {
  const file = readFileSync(path.join(dir, `${name}-${round}.csv`), "utf8");
  try {
    console.log(`OK ${await commitObservationImport(ctx, file)}`);
  } catch (err) {
    console.log(`FAIL ${round} ${err instanceof Error ? err.message.split("\n").slice(-3).join(" ") : String(err)}`);
  }
}
await closeDatabase();
