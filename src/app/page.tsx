import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/server/auth";
import { currentMember } from "@/lib/server/context";
import { landingFor } from "@/lib/domain/roles";

// Sign-in, sign-up and invitations come back here when no page was asked for, so each role lands
// on its own first page (members on the Log, managers on the dashboards, leaders on the catalogue).
export default async function Home() {
  const ctx = await currentMember();
  if (ctx) redirect(landingFor(ctx.role));
  redirect((await getSessionUser()) ? "/no-organisation" : "/sign-in");
}
