import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Thank you", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The confirmation after a reader's post. It shows the reference from the address only when it has a reference's shape; it reads nothing. */
export default async function RequestReceivedPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const ref = typeof params.ref === "string" && /^R-[0-9A-HJKMNP-TV-Z]{8}$/.test(params.ref) ? params.ref : null;
  return (
    <section aria-labelledby="received-heading" className="stack">
      <h1 id="received-heading">Thank you: we have it</h1>
      {ref ? (
        <p>
          Your reference is <span className="reference">{ref}</span>. Quote it if you write to us about this.
        </p>
      ) : null}
      {params.folded === "1" ? <p>Others have sent us the same; we have counted yours with theirs.</p> : null}
      <p>
        An editor reads every request. How we handle them and how long it usually takes: <Link href="/methodology#reader-requests">our process</Link>. Corrections we
        publish are listed on <Link href="/corrections">the corrections page</Link>.
      </p>
      <p>
        <Link href="/">Back to the ledger</Link>
      </p>
    </section>
  );
}
