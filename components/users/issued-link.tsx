"use client";

import { useState } from "react";
import type { PasswordLinkIssued } from "@/lib/services/users";

/** The one time an admin sees a password link: to copy and send by their own channel. */
export function IssuedLink({ issued, id }: { issued: PasswordLinkIssued; id: string }) {
  const [copied, setCopied] = useState(false);
  const until = new Date(issued.expiresAt).toISOString().replace("T", " ").slice(0, 16);
  async function copy() {
    try {
      await navigator.clipboard.writeText(issued.url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div className="alert alert-ok issued-link" role="status">
      <p style={{ marginTop: 0 }}>
        {issued.purpose === "INVITE" ? `Invitation for ${issued.name}` : `Reset link for ${issued.name}`}: send it to {issued.email} yourself. It
        works once, until {until} UTC, and is shown only now.
        {issued.emailed ? " An e-mail copy went out." : ""}
      </p>
      <label htmlFor={id} className="visually-hidden">
        Link for {issued.name}
      </label>
      <span className="row" style={{ gap: "0.5rem", flexWrap: "nowrap" }}>
        <input id={id} readOnly value={issued.url} onFocus={(event) => event.currentTarget.select()} />
        <button type="button" className="secondary" onClick={() => void copy()}>
          {copied ? "Copied" : "Copy"}
        </button>
      </span>
    </div>
  );
}
