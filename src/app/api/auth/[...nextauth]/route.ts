import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth";

// next-auth 4 detects the App Router by the context's (awaited) params.
function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req as never, ctx as never, authOptions());
}

export { handler as GET, handler as POST };
