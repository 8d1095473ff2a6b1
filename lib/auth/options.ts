import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db";
import { getAuthSecret } from "../env";
import { signIn } from "./sign-in";

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "local";
}

// Built on first use, not at import: `next build` imports this without the runtime secret.
let options: NextAuthOptions | undefined;
export function getAuthOptions(): NextAuthOptions {
  options ??= buildOptions();
  return options;
}

const buildOptions = (): NextAuthOptions => ({
  secret: getAuthSecret(),
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const outcome = await signIn(await getDb(), credentials, clientAddress(req?.headers));
        // next-auth hands a thrown message back to the sign-in form as `error`.
        if (!outcome.ok) throw new Error(outcome.message);
        const { userId, sessionVersion, name, email } = outcome.session;
        return { id: userId, name, email, sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.userId = user.id;
        token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.userId, sessionVersion: token.sessionVersion };
    },
  },
});
