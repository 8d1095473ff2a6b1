import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ClaimList } from "@/components/ledger/claim-list";
import { formatDate } from "@/components/ledger/format";
import { cachedPublishedStory } from "@/lib/public/cached";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await cachedPublishedStory((await params).slug);
  return { title: data ? `${data.story.title} · claimdesk` : "Story not found · claimdesk" };
}

export default async function PublicStoryPage({ params }: Props) {
  await connection();
  const data = await cachedPublishedStory((await params).slug);
  if (!data) notFound();
  const { story, claims, timeline } = data;
  return (
    <>
      <h1>{story.title}</h1>
      {story.summary ? <p>{story.summary}</p> : null}
      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">Checked claims ({claims.length})</h2>
        <ClaimList items={claims} showStory={false} />
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">What was reported when</h2>
        {timeline.length === 0 ? (
          <p className="empty">No dated reports or figures are attached to these claims yet.</p>
        ) : (
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">Reports and figures in date order</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Source</th>
                  <th scope="col">Reported</th>
                  <th scope="col">Claim</th>
                </tr>
              </thead>
              <tbody>
                {timeline.map((entry, i) => (
                  <tr key={`${entry.date}-${entry.url}-${entry.kind}-${i}`}>
                    <td>
                      <time dateTime={entry.date}>{formatDate(entry.date)}</time>
                    </td>
                    <th scope="row">
                      <a href={entry.url} rel="noopener noreferrer">
                        {entry.outlet}
                      </a>
                    </th>
                    <td>{entry.kind === "figure" ? <>Figure: {entry.label}</> : <>Published: {entry.label}</>}</td>
                    <td>
                      <a href={`/claims/${entry.claimSlug}`}>View check</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
