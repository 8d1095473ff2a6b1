import Link from "next/link";
import { ReaderRequestForm } from "./reader-request-form";

/**
 * "Suggest a claim" and "Report an error" under a claim or story page, folded so they cost the
 * page little; plain <details> and forms, so they open and post without JavaScript.
 */
export function ReaderRequestsPanel({ page, feed }: { page: string; feed: string }) {
  return (
    <section aria-labelledby="reader-requests-heading" className="panel reader-requests">
      <h2 id="reader-requests-heading">Help us check</h2>
      <p className="muted">
        Follow this page&apos;s changes in a feed reader: <a href={feed}>Atom feed</a>. How we handle what you send:{" "}
        <Link href="/methodology#reader-requests">our process</Link>.
      </p>
      <details>
        <summary>Report an error / request a correction</summary>
        <ReaderRequestForm kind="CORRECTION" page={page} id="correction" />
      </details>
      <details>
        <summary>Suggest a claim to check</summary>
        <ReaderRequestForm kind="SUGGESTION" page={page} id="suggestion" />
      </details>
    </section>
  );
}
