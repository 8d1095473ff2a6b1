import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { currentActor } from "@/lib/auth/session";
import { LoginForm } from "@/components/auth/login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; password?: string }> }) {
  await connection();
  const { callbackUrl, password } = await searchParams;
  // Only same-site paths: never bounce a signed-in user to another host.
  const next = safeCallbackPath(callbackUrl);
  if (await currentActor()) redirect(next);
  return (
    <main id="main" style={{ maxWidth: "26rem" }}>
      <h1>Sign in to the desk</h1>
      <p className="muted">For fact-checkers, editors and admins. Readers need no account: the <Link href="/">public ledger</Link> is open.</p>
      {password === "set" ? (
        <p className="alert alert-ok" role="status">
          Your password is set. Sign in with it; any other session of yours has ended.
        </p>
      ) : null}
      <LoginForm next={next} />
    </main>
  );
}
