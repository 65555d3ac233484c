import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/server/auth";

export default async function Home() {
  redirect((await getSessionUser()) ? "/catalogue" : "/sign-in");
}
