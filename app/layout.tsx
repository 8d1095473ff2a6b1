import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getNonce } from "@/lib/security/nonce";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "claimdesk", template: "%s · claimdesk" },
  description: "Claims and source verification: verdicts, sources, conflicting accounts and corrections.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request so Next can put this request's CSP nonce on its scripts (it
  // reads the nonce from the policy proxy.ts hands over); the public data stays cached in
  // lib/public/cached.ts.
  await getNonce();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
