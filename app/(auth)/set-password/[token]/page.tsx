import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { findOpenPasswordLink, LINK_NOT_VALID } from "@/lib/auth/password-links";
import { getDb } from "@/lib/db";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { FormMessage } from "@/components/ui/form-message";

// A link page is for one person: never indexed (and never cached: proxy.ts marks /set-password no-store).
export const metadata: Metadata = { title: "Choose a password", robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  // The page names neither the person nor the email: whoever holds the link learns only that it works.
  const link = await findOpenPasswordLink(await getDb(), token);
  return (
    <main id="main" style={{ maxWidth: "26rem" }}>
      <h1>Choose a password</h1>
      {link ? (
        <>
          <p className="muted">
            {link.purpose === "INVITE" ? "Welcome to the desk." : "Your new password replaces the old one."} The link works once; your other
            sessions end when the password is set.
          </p>
          <SetPasswordForm token={token} />
        </>
      ) : (
        <>
          <FormMessage tone="error">
            {LINK_NOT_VALID}
          </FormMessage>
          <p>
            <Link href="/login">Go to sign-in</Link>
          </p>
        </>
      )}
    </main>
  );
}
