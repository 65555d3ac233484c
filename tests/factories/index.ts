// Builders for test data, also used by the demo seed. They write through the real Prisma client.
import bcrypt from "bcryptjs";
import type { PrismaClient, Prisma } from "@/generated/prisma/client";
import type { Role } from "@/lib/domain/roles";

type Db = PrismaClient | Prisma.TransactionClient;

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const hashes = new Map<string, string>();
/** bcrypt is slow on purpose; builders reuse one hash per distinct password (cost 10 is enough for fixtures). */
function hashFor(password: string): string {
  let h = hashes.get(password);
  if (!h) hashes.set(password, (h = bcrypt.hashSync(password, 10)));
  return h;
}

export const TEST_PASSWORD = "correct-horse-battery";

export async function buildOrganization(p: Db, over: { name?: string; slug?: string } = {}) {
  const id = unique();
  return p.organization.create({ data: { name: over.name ?? `Org ${id}`, slug: over.slug ?? `org-${id}` } });
}

export async function buildUser(p: Db, over: { email?: string; name?: string; password?: string } = {}) {
  const id = unique();
  return p.user.create({
    data: {
      email: (over.email ?? `user-${id}@example.test`).toLowerCase(),
      name: over.name ?? `User ${id}`,
      passwordHash: hashFor(over.password ?? TEST_PASSWORD),
    },
  });
}

export async function buildMembership(
  p: Db,
  organizationId: string,
  userId: string,
  role: Role = "MEMBER",
  status: "ACTIVE" | "DISABLED" = "ACTIVE",
) {
  return p.membership.create({ data: { organizationId, userId, role, status } });
}

/** A user who is a member of the organisation with the given role. */
export async function buildMember(
  p: Db,
  organizationId: string,
  role: Role = "MEMBER",
  over: { email?: string; name?: string; password?: string } = {},
) {
  const user = await buildUser(p, over);
  const membership = await buildMembership(p, organizationId, user.id, role);
  return { user, membership };
}

export async function buildTeam(
  p: Db,
  organizationId: string,
  over: { name?: string; kind?: "VALUE_STREAM" | "TEAM"; parentId?: string | null } = {},
) {
  return p.team.create({
    data: {
      organizationId,
      name: over.name ?? `Team ${unique()}`,
      kind: over.kind ?? "TEAM",
      parentId: over.parentId ?? null,
    },
  });
}

export async function buildValue(
  p: Db,
  organizationId: string,
  over: { name?: string; description?: string; position?: number } = {},
) {
  return p.value.create({
    data: {
      organizationId,
      name: over.name ?? `Value ${unique()}`,
      description: over.description ?? "",
      position: over.position ?? 0,
    },
  });
}

export interface BehaviourFields {
  title?: string;
  actor?: string;
  action?: string;
  trigger?: string;
  frequency?: string;
  completionCriterion?: string;
  customerOutcome?: string;
  example?: string;
  anchors?: string[];
  status?: "DRAFT" | "IN_REVIEW" | "ACTIVE" | "RETIRED";
}

/** A behaviour with its first version recorded, as the editor would leave it. */
export async function buildBehaviour(
  p: Db,
  ids: { organizationId: string; valueId: string; ownerId: string; authorId?: string },
  over: BehaviourFields = {},
) {
  const fields = {
    title: over.title ?? `Root cause on the ticket ${unique()}`,
    actor: over.actor ?? "The on-call engineer",
    action: over.action ?? "posts the root cause and next step on the customer's ticket",
    trigger: over.trigger ?? "When a customer reports a defect",
    frequency: over.frequency ?? "within 24 hours",
    completionCriterion:
      over.completionCriterion ?? "A comment headed 'Root cause' with a named next step is visible on the ticket",
    customerOutcome: over.customerOutcome ?? "Customers know what happened and what comes next",
    example: over.example ?? "",
    anchors: over.anchors ?? ["How does this improve the customer's outcome?"],
  };
  const authorId = ids.authorId ?? ids.ownerId;
  const behaviour = await p.behaviour.create({
    data: {
      ...fields,
      organizationId: ids.organizationId,
      valueId: ids.valueId,
      ownerId: ids.ownerId,
      authorId,
      status: over.status ?? "ACTIVE",
    },
  });
  await p.behaviourVersion.create({
    data: {
      organizationId: ids.organizationId,
      behaviourId: behaviour.id,
      version: 1,
      editedById: authorId,
      snapshot: { ...fields, valueId: ids.valueId, ownerId: ids.ownerId },
    },
  });
  return behaviour;
}

export interface ObservationFields {
  organizationId: string;
  behaviourId: string;
  teamId: string;
  observerId?: string | null;
  anonymous?: boolean;
  occurredAt?: Date;
  performed?: number;
  missed?: number;
  note?: string;
}

export function observationRow(f: ObservationFields): Prisma.ObservationCreateManyInput {
  const anonymous = f.anonymous ?? false;
  return {
    organizationId: f.organizationId,
    behaviourId: f.behaviourId,
    teamId: f.teamId,
    observerId: anonymous ? null : (f.observerId ?? null),
    anonymous,
    occurredAt: f.occurredAt ?? new Date(),
    performed: f.performed ?? 1,
    missed: f.missed ?? 0,
    note: f.note ?? "",
  };
}

/** Inserts many observations in chunks (one statement per chunk). */
export async function buildObservations(p: Db, rows: ObservationFields[], chunk = 2000): Promise<number> {
  for (let i = 0; i < rows.length; i += chunk) {
    await p.observation.createMany({ data: rows.slice(i, i + chunk).map(observationRow) });
  }
  return rows.length;
}

/** A small, complete organisation: admin, leader, manager, member, a team, a value and a behaviour. */
export async function buildOrgScenario(p: Db, over: { name?: string } = {}) {
  const org = await buildOrganization(p, over);
  const admin = await buildMember(p, org.id, "ADMIN");
  const leader = await buildMember(p, org.id, "LEADER");
  const manager = await buildMember(p, org.id, "MANAGER");
  const member = await buildMember(p, org.id, "MEMBER");
  const team = await buildTeam(p, org.id);
  const value = await buildValue(p, org.id, { name: `Deep understanding of customer needs ${org.name}` });
  const behaviour = await buildBehaviour(
    p,
    { organizationId: org.id, valueId: value.id, ownerId: leader.membership.id },
    { title: `Behaviour of ${org.name}` },
  );
  return { org, admin, leader, manager, member, team, value, behaviour };
}

/**
 * The organisation's minimum group size, as an admin sets it on /settings/privacy (1 turns the protection off):
 * for tests of a rule other than that one on a team of two or three (docs/decisions/039).
 */
export async function setGroupSize(p: Db, organizationId: string, minGroupSize: number) {
  await p.organization.update({ where: { id: organizationId }, data: { minGroupSize } });
}
