import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getStory } from "@/lib/data/stories";
import { ClaimList } from "@/components/desk/claim-list";
import { StoryForm } from "@/components/stories/story-form";
import { ArchiveButton } from "@/components/stories/archive-button";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Authorises before it reads, like every desk page's metadata.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requirePageActor();
  const story = await getStory((await params).id);
  return { title: story ? story.title : "Story not found" };
}

export default async function StoryPage({ params, searchParams }: Props) {
  const actor = await requirePageActor();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const story = await getStory(id);
  if (!story) notFound();
  const canManage = can(actor.role, "story.manage");

  return (
    <>
      <p>
        <Link href="/desk/stories">← All stories</Link>
      </p>
      {query.saved ? (
        <p className="alert alert-ok" role="status">
          Story saved.
        </p>
      ) : null}
      <h1>{story.title}</h1>
      <p className="row">
        {story.archived ? <span className="badge badge-neutral">Archived</span> : null}
        <span className="muted">
          {story.claims} claim{story.claims === 1 ? "" : "s"}, {story.published} published · address /stories/{story.slug}
        </span>
      </p>
      {story.published > 0 ? (
        <p className="alert alert-warn" role="note">
          Readers see this story as its claims were last published. Edits here reach the public story page only when one of its claims is published
          again (after review), and they send any approved verdict in the story back to review.
        </p>
      ) : null}
      <div className="grid-2">
        <section className="panel start-panel" aria-labelledby="story-claims-heading">
          <h2 id="story-claims-heading">Claims in this story</h2>
          <ClaimList
            items={story.claimItems}
            empty={
              <>
                No claims yet. Tick claims in the <Link href="/desk/claims">claims list</Link> and choose “Put in story…”, or pick this story when you
                create a claim.
              </>
            }
          />
          {story.claimItems.length > 0 ? (
            <p>
              <Link href={`/desk/claims?story=${story.id}`}>Open them in the claims list</Link>
            </p>
          ) : null}
        </section>
        {canManage ? (
          <section className="panel start-panel" aria-labelledby="edit-story-heading">
            <h2 id="edit-story-heading">Edit</h2>
            <StoryForm story={story} />
            <h3>Archive</h3>
            <p className="hint">An archived story leaves the desk&apos;s story pickers. Its claims and what was published stay as they are.</p>
            <ArchiveButton id={story.id} archived={story.archived} />
          </section>
        ) : null}
      </div>
    </>
  );
}
