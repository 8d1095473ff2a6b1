import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ClaimList } from "@/components/ledger/claim-list";
import { formatDate } from "@/components/ledger/format";
import { ReportedFigures } from "@/components/ledger/reported-figures";
import { cachedPublishedStory } from "@/lib/public/cached";
import { ReaderRequestsPanel } from "@/components/readers/reader-requests-panel";
import { TableScroll } from "@/components/ui/table-scroll";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await cachedPublishedStory((await params).slug);
  if (!data) return { title: "Story not found" };
  return { title: data.story.title, alternates: { types: { "application/atom+xml": [{ url: `/feeds/stories/${data.story.slug}`, title: "New checks and changes in this story" }] } } };
}

export default async function PublicStoryPage({ params }: Props) {
  await connection();
  const data = await cachedPublishedStory((await params).slug);
  if (!data) notFound();
  const { story, claims, timeline, figures } = data;
  return (
    <>
      <h1>{story.title}</h1>
      {story.summary ? <p>{story.summary}</p> : null}
      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">Checked claims ({claims.length})</h2>
        <ClaimList items={claims} showStory={false} />
      </section>
      {figures.length > 0 ? (
        <section aria-labelledby="figures-heading">
          <h2 id="figures-heading">How the figures evolved</h2>
          <p className="hint">Every figure in the checked claims, by what was counted, from each source&apos;s report with its as-of time.</p>
          <ReportedFigures figures={figures} />
        </section>
      ) : null}
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">What was reported when</h2>
        {timeline.length === 0 ? (
          <p className="empty">No dated reports or figures are attached to these claims yet.</p>
        ) : (
          <TableScroll label="Reports and figures in date order">
            <table>
              <caption className="visually-hidden">Reports and figures in date order</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Source</th>
                  <th scope="col">What happened</th>
                  <th scope="col">Evidence for</th>
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
                    <td>{entry.kind === "figure" ? <>Reported {entry.label}</> : <>Published “{entry.label}”</>}</td>
                    <td>
                      <ul className="plain-list">
                        {entry.claims.map((claim) => (
                          <li key={claim.slug}>
                            <a href={`/claims/${claim.slug}`}>{claim.text}</a>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <ReaderRequestsPanel page={`/stories/${story.slug}`} feed={`/feeds/stories/${story.slug}`} />
    </>
  );
}
