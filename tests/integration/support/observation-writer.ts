// Child process for the kill -9 test: writes observations one by one into the embedded
// database in CONDUCT_DATA_DIR and prints each id only after the write was acknowledged.
import { database } from "@/lib/server/db";
import { migrate } from "@/lib/server/migrate";
import { buildOrgScenario, observationRow } from "../../factories";

await migrate(database().sql);
const p = database().prisma;
const s = await buildOrgScenario(p);
console.log(`READY ${s.org.id}`);
for (let i = 0; ; i++) {
  const o = await p.observation.create({
    data: observationRow({
      organizationId: s.org.id,
      behaviourId: s.behaviour.id,
      teamId: s.team.id,
      observerId: s.member.membership.id,
      performed: i % 2,
      missed: 1 - (i % 2),
    }),
    select: { id: true },
  });
  console.log(`ACK ${o.id}`);
}
