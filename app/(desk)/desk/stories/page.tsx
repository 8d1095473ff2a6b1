import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listStories } from "@/lib/data/stories";
import { StoryForm } from "@/components/stories/story-form";

export const metadata: Metadata = { title: "Stories" };

export default async function StoriesPage() {
  const actor = await requirePageActor();
  const stories = await listStories();
  const canManage = can(actor.role, "story.manage");

  return (
    <>
      <h1>Stories</h1>
      <p className="muted">
        A story groups the claims about one event. Readers see a story as its claims were last published: a change made here shows on the public story
        page when one of its claims is next published.
      </p>
      {stories.length === 0 ? (
        <div className="empty">
          <p>No stories yet.{canManage ? " Create the first one below." : " Editors create them."}</p>
        </div>
      ) : (
        <ul className="work-list">
          {stories.map((story) => (
            <li key={story.id}>
              <Link href={`/desk/stories/${story.id}`} data-shortcut-item>
                {story.title}
              </Link>{" "}
              {story.archived ? <span className="badge badge-neutral">Archived</span> : null}
              <div className="hint">
                {story.claims} claim{story.claims === 1 ? "" : "s"}, {story.published} published
                {story.startsOn ? ` · since ${story.startsOn}` : ""}
              </div>
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <section className="panel" aria-labelledby="new-story-heading" style={{ marginTop: "1rem" }}>
          <h2 id="new-story-heading">New story</h2>
          <StoryForm />
        </section>
      ) : null}
    </>
  );
}
