import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: Context) {
  // next-auth 4 reads params synchronously; Next 16 hands them over as a promise.
  return NextAuth(request as never, { params: await context.params } as never, getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
