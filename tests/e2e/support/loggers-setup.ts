// For tests/e2e/shutdown.spec.ts: migrates the database the server will use and gives it an
// organisation with a team, an active behaviour and LOGGERS members of the team, then closes it and
// prints what the test needs as one JSON line. Run with tsx --conditions=react-server, as the app's
// own scripts are, with CONDUCT_DATA_DIR or DATABASE_URL set.
import { openDatabase } from "@/lib/server/database";
import { migrate } from "@/lib/server/migrate";
import { buildMember, buildOrgScenario, TEST_PASSWORD } from "../../factories";

const loggers = Number(process.env.LOGGERS ?? 8);
const database = openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.CONDUCT_DATA_DIR ?? "",
});
try {
  await migrate(database.sql);
  const s = await buildOrgScenario(database.prisma);
  const members = [s.member];
  while (members.length < loggers) members.push(await buildMember(database.prisma, s.org.id, "MEMBER"));
  // Members log only for a team they belong to.
  await database.prisma.teamMember.createMany({
    data: members.map((m) => ({ organizationId: s.org.id, teamId: s.team.id, membershipId: m.membership.id })),
  });
  const emails = members.map((m) => m.user.email);
  console.log(
    JSON.stringify({
      orgId: s.org.id,
      behaviourId: s.behaviour.id,
      teamId: s.team.id,
      emails,
      password: TEST_PASSWORD,
    }),
  );
} finally {
  await database.close();
}
