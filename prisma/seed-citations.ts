// The demo's missed entries say what got in the way (issue 18 §2): some cite a barrier, a few carry
// "something else" texts. The showcase only; src/lib/demo/demo-citations.ts holds the data.
import type { PrismaClient } from "@/generated/prisma/client";
import { DEMO_CITATIONS, DEMO_SOMETHING_ELSE } from "@/lib/demo/demo-citations";

const WEEKS = 12;

export async function seedCitations(
  prisma: PrismaClient,
  ids: { organizationId: string; behaviours: ReadonlyMap<string, string>; barriers: ReadonlyMap<string, string> },
  now: Date,
): Promise<void> {
  const { organizationId } = ids;
  const since = new Date(now.getTime() - WEEKS * 7 * 86_400_000);
  const missed = (behaviourId: string, teamIds: string[]) =>
    prisma.observation.findMany({
      where: {
        organizationId,
        behaviourId,
        missed: { gt: 0 },
        barrierId: null,
        barrierNote: null,
        occurredAt: { gte: since },
        ...(teamIds.length ? { teamId: { in: teamIds } } : {}),
      },
      orderBy: [{ occurredAt: "desc" }, { id: "asc" }],
      select: { id: true },
    });
  for (const c of DEMO_CITATIONS) {
    const behaviourId = ids.behaviours.get(c.behaviour);
    const barrierId = ids.barriers.get(c.barrier);
    if (!behaviourId || !barrierId) continue;
    const teams = await prisma.barrierTeam.findMany({ where: { barrierId }, select: { teamId: true } });
    const rows = await missed(
      behaviourId,
      teams.map((t) => t.teamId),
    );
    const chosen = rows.filter((_, i) => i % c.every === 0).map((r) => r.id);
    await prisma.observation.updateMany({ where: { id: { in: chosen } }, data: { barrierId } });
  }
  for (const s of DEMO_SOMETHING_ELSE) {
    const behaviourId = ids.behaviours.get(s.behaviour);
    if (!behaviourId) continue;
    const rows = await missed(behaviourId, []);
    const row = rows[0];
    if (!row) continue;
    await prisma.observation.update({ where: { id: row.id }, data: { barrierNote: s.text } });
  }
}
