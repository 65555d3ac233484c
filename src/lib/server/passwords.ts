import "server-only";
import bcrypt from "bcryptjs";

// bcrypt with cost 11 (~100 ms here): slow enough to resist offline guessing, quick enough for sign-in.
const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

// Compared when the e-mail is unknown, so that an unknown e-mail and a wrong password take
// the same time and get the same answer.
const DUMMY_HASH = bcrypt.hashSync("conduct-timing-equaliser", COST);

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return ok && hash !== null;
}
