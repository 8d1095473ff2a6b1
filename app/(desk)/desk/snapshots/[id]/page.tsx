import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { getSnapshotDetail } from "@/lib/data/source-snapshots";
import { formatWhen } from "@/components/evidence/format";

export const metadata: Metadata = { title: "Kept copy of a source" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One kept copy of a cited page: where and when it was fetched, its fingerprints, its main text. */
export default async function SnapshotPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageActor("desk.read");
  const { id } = await params;
  const snapshot = UUID.test(id) ? await getSnapshotDetail(id) : null;
  if (!snapshot) notFound();
  const headers = Object.entries(snapshot.headers as Record<string, string>);
  return (
    <article aria-labelledby="snapshot-heading">
      <h1 id="snapshot-heading">Kept copy: {snapshot.title ?? snapshot.source.outlet}</h1>
      <dl className="evidence-facts">
        <dt>Source</dt>
        <dd>
          {snapshot.source.outlet} ·{" "}
          <a href={snapshot.source.url} target="_blank" rel="noopener noreferrer nofollow" style={{ overflowWrap: "anywhere" }}>
            {snapshot.source.url}
          </a>
        </dd>
        <dt>Fetched</dt>
        <dd>{formatWhen(snapshot.fetchedAt.toISOString())}</dd>
        <dt>Final address</dt>
        <dd style={{ overflowWrap: "anywhere" }}>{snapshot.finalUrl}</dd>
        <dt>HTTP status</dt>
        <dd>{snapshot.status}</dd>
        {headers.map(([name, value]) => (
          <div key={name} style={{ display: "contents" }}>
            <dt>{name}</dt>
            <dd style={{ overflowWrap: "anywhere" }}>{value}</dd>
          </div>
        ))}
        <dt>SHA-256 of the HTML</dt>
        <dd>
          <code style={{ overflowWrap: "anywhere" }}>{snapshot.htmlSha256}</code>
        </dd>
        <dt>SHA-256 of the main text</dt>
        <dd>
          <code style={{ overflowWrap: "anywhere" }}>{snapshot.mainTextSha256}</code>
        </dd>
      </dl>
      <p>
        <a href={`/desk/snapshots/${snapshot.id}/html`} target="_blank" rel="noopener noreferrer">
          Open the page as kept
        </a>{" "}
        <span className="hint">(in a sandbox: its scripts do not run and nothing is loaded from other sites, so it may look plain).</span>
      </p>
      <section className="panel" aria-labelledby="main-text-heading">
        <h2 id="main-text-heading">Main text</h2>
        {snapshot.mainText ? <div className="snapshot-text">{snapshot.mainText}</div> : <p className="empty">No main text could be extracted from this page.</p>}
      </section>
    </article>
  );
}
