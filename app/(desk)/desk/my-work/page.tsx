import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { getMyWork } from "@/lib/data/start-pages";
import { listNotifications } from "@/lib/data/notifications";
import { ClaimList } from "@/components/desk/claim-list";
import { DeniedNotice } from "@/components/desk/denied-notice";

export const metadata: Metadata = { title: "My work" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A fact-checker's start page (anyone on the desk can open it): what is theirs to do next. */
export default async function MyWorkPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const [work, mentions, { denied }] = await Promise.all([getMyWork(actor.id), listNotifications(actor.id, { kind: "MENTIONED", take: 20 }), searchParams]);

  return (
    <>
      <DeniedNotice denied={denied === "1"} />
      <h1>My work</h1>
      <p className="muted">
        What is yours to do next, {actor.name}. <Link href="/desk/claims">All claims</Link> · <Link href="/desk/notifications">All notifications</Link>
      </p>
      <div className="grid-2">
        <section className="panel start-panel" aria-labelledby="sent-back-heading">
          <h2 id="sent-back-heading">Sent back to you ({work.sentBack.length})</h2>
          <ClaimList
            items={work.sentBack.map((item) => ({
              key: item.verdictId,
              slug: item.claim.slug,
              text: item.claim.text,
              extra: (
                <blockquote className="review-comment">
                  <p>{item.comment || "No comment given."}</p>
                  <footer className="hint">— {item.reviewer}</footer>
                </blockquote>
              ),
            }))}
            empty="No verdict of yours was sent back."
          />
        </section>
        <section className="panel start-panel" aria-labelledby="assigned-heading">
          <h2 id="assigned-heading">Assigned to you ({work.assigned.length})</h2>
          <ClaimList
            items={work.assigned}
            empty={
              <>
                Nothing is assigned to you. Pick an unassigned claim from the <Link href="/desk/claims">claims list</Link> and press “Assign to me”.
              </>
            }
          />
        </section>
        <section className="panel start-panel" aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">Your draft verdicts ({work.drafts.length})</h2>
          <ClaimList items={work.drafts} empty="No drafts: a verdict you start on a claim page waits here until you submit it." />
        </section>
        <section className="panel start-panel" aria-labelledby="mentions-heading">
          <h2 id="mentions-heading">Mentions ({mentions.length})</h2>
          <ClaimList
            items={mentions.map((m) => ({
              key: m.id,
              slug: m.claim.slug,
              text: m.claim.text,
              extra: (
                <p className="hint">
                  {m.actorName ?? "Someone"}: “{m.commentExcerpt}”{m.read ? "" : " · unread"}
                </p>
              ),
            }))}
            empty="Nobody mentioned you yet. Colleagues mention you by writing @ and your name in a claim's comments."
          />
        </section>
      </div>
    </>
  );
}
