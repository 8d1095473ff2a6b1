import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { listCountedThings, listStoriesForVocabulary } from "@/lib/data/counted-things";
import { CountedThingForm } from "@/components/vocabulary/counted-thing-form";
import { MergeForm } from "@/components/vocabulary/merge-form";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Counted things" };

/**
 * A story's vocabulary of what figures count: fact-checkers add entries, editors and admins rename
 * them, set their unit, synonyms and whether they are running totals, and merge duplicates.
 */
export default async function VocabularyPage({ searchParams }: { searchParams: Promise<{ story?: string }> }) {
  const actor = await requirePageActor("desk.read");
  const db = await getDb();
  const stories = await listStoriesForVocabulary(db);
  const { story: wanted } = await searchParams;
  const story = wanted === "none" ? null : (stories.find((s) => s.slug === wanted) ?? stories[0] ?? null);
  const things = await listCountedThings(db, story?.id ?? null);
  const [mayPropose, mayManage] = [can(actor.role, "vocabulary.propose"), can(actor.role, "vocabulary.manage")];
  const scope = story ? `“${story.title}”` : "claims outside any story";

  return (
    <>
      <h1>Counted things</h1>
      <p className="muted">
        What a story’s figures count, in which unit, and the other words sources use for it. A figure is recorded against one of these, so “people
        killed” and “fatalities” land in one series with “deaths”, and only figures counting the same thing are compared.
        {mayManage ? "" : " Editors rename entries, set synonyms and merge duplicates."}
      </p>
      <form method="get" className="row" aria-label="Choose a story">
        <div className="field">
          <label htmlFor="vocabulary-story">Story</label>
          <select id="vocabulary-story" name="story" defaultValue={story?.slug ?? "none"}>
            {stories.map((s) => (
              <option key={s.id} value={s.slug}>
                {s.title}
              </option>
            ))}
            <option value="none">Claims outside any story</option>
          </select>
        </div>
        <button type="submit" className="secondary">
          Show
        </button>
      </form>

      <h2 id="vocabulary-heading">Vocabulary of {scope}</h2>
      {things.length === 0 ? (
        <p className="empty">No counted things yet. Add the first one below, for example “deaths” in people, a running total.</p>
      ) : (
        <TableScroll label="Table of counted things and their words">
          <table aria-labelledby="vocabulary-heading" className="stack-on-phone">
            <thead>
              <tr>
                <th scope="col">What was counted</th>
                <th scope="col">Unit</th>
                <th scope="col">Running total</th>
                {things.some((t) => t.synonyms.length > 0) ? <th scope="col">Also called</th> : null}
                <th scope="col">Figures</th>
              </tr>
            </thead>
            <tbody>
              {things.map((thing) => (
                <tr key={thing.id}>
                  <th scope="row">{thing.label}</th>
                  <td data-label="Unit">{thing.unit}</td>
                  <td data-label="Running total">{thing.cumulative ? "yes" : "no: can go down"}</td>
                  {things.some((t) => t.synonyms.length > 0) ? <td data-label="Also called">{thing.synonyms.join(", ") || <span className="muted">none</span>}</td> : null}
                  <td data-label="Figures">{thing.figureCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      {mayManage && things.length > 0 ? (
        <section aria-labelledby="edit-heading" className="stack">
          <h2 id="edit-heading">Edit or merge</h2>
          <p className="hint">A change reaches readers only when a claim using it is published again; an approved verdict on such a claim goes back to review.</p>
          {things.map((thing) => (
            <details key={thing.id} className="panel">
              <summary>{thing.label}</summary>
              <CountedThingForm storyId={story?.id ?? ""} thing={thing} />
              <MergeForm thing={thing} targets={things.filter((t) => t.id !== thing.id && t.unit === thing.unit)} />
            </details>
          ))}
        </section>
      ) : null}

      {mayPropose ? (
        <section aria-labelledby="add-heading" className="panel">
          <h2 id="add-heading">Add a counted thing to {scope}</h2>
          <CountedThingForm storyId={story?.id ?? ""} />
        </section>
      ) : null}
    </>
  );
}
