import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "../db";
import { getAuthSecret, getEnv, type Env } from "../env";
import { safeRedirect } from "./callback-url";
import { signIn } from "./sign-in";
import { clientAddress } from "../security/client-address";
import { endSession } from "./sign-out";

// next-auth 4 is CommonJS: the bundler hands over the function, plain Node (tests) the module.
const CredentialsProvider = (Credentials as unknown as { default?: typeof Credentials }).default ?? Credentials;

// Built on first use, not at import: `next build` imports this without the runtime secret.
let options: NextAuthOptions | undefined;
export function getAuthOptions(): NextAuthOptions {
  options ??= buildAuthOptions();
  return options;
}

/**
 * Cookies are Secure (and `__Secure-` prefixed) in production or behind https, HttpOnly and
 * SameSite=Lax: scripts cannot read the session, and other sites' forms and frames do not carry it.
 */
export function sessionCookiePolicy(env: Pick<Env, "NODE_ENV" | "NEXTAUTH_URL">) {
  const secure = env.NODE_ENV === "production" || Boolean(env.NEXTAUTH_URL?.startsWith("https://"));
  return {
    secure,
    sessionToken: {
      name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
      options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
    },
  };
}

export const buildAuthOptions = (env: Env = getEnv()): NextAuthOptions => {
  const cookies = sessionCookiePolicy(env);
  return {
    secret: getAuthSecret(env),
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/login" },
    // Every other next-auth cookie (CSRF token, callback URL) follows the same Secure rule.
    useSecureCookies: cookies.secure,
    cookies: { sessionToken: cookies.sessionToken },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const outcome = await signIn(await getDb(), credentials, clientAddress(req?.headers?.["x-forwarded-for"], env.TRUSTED_PROXY_HOPS));
          // next-auth hands a thrown message back to the sign-in form as `error`.
          if (!outcome.ok) throw new Error(outcome.message);
          const { userId, sessionVersion, name, email } = outcome.session;
          return { id: userId, name, email, sessionVersion };
        },
      }),
    ],
    events: {
      // JWT sessions keep no server state, so clearing the cookie alone would leave a copy of it
      // working: moving the user's session version ends their sessions on the server.
      async signOut({ token }) {
        await endSession(await getDb(), token);
      },
    },
    callbacks: {
      // After sign-in or sign-out: only this site (see lib/auth/callback-url.ts).
      redirect: safeRedirect,
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
  };
};
