import type { Metadata } from "next";
import { BEST_RATING, RATINGS, WORST_RATING } from "@/lib/ratings";
import { RatingBadge } from "@/components/ledger/rating-badge";
import type { Rating } from "@/lib/generated/prisma/enums";
import { ReaderProcess } from "@/components/readers/reader-process";

export const metadata: Metadata = { title: "Methodology" };

export default function MethodologyPage() {
  const scale = (Object.entries(RATINGS) as Array<[Rating, (typeof RATINGS)[Rating]]>).sort(([, a], [, b]) => b.value - a.value);
  return (
    <>
      <h1>How we check claims</h1>
      <section aria-labelledby="scale-heading">
        <h2 id="scale-heading">The rating scale</h2>
        <table>
          <caption>
            Each rating and the number published in our ClaimReview data ({WORST_RATING} = false, {BEST_RATING} = true)
          </caption>
          <thead>
            <tr>
              <th scope="col">Rating</th>
              <th scope="col">Value</th>
              <th scope="col">Meaning</th>
            </tr>
          </thead>
          <tbody>
            {scale.map(([rating, { value, meaning }]) => (
              <tr key={rating}>
                <th scope="row">
                  <RatingBadge rating={rating} />
                </th>
                <td>{value}</td>
                <td>{meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">“Misleading” and “Unproven” are not points on the true/false line; they carry the values readers and aggregators use to compare them.</p>
      </section>
      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">How we weigh sources</h2>
        <ul className="stack">
          <li>
            <strong>Independent origins, not headlines.</strong> Ten outlets repeating one police statement are one origin. We follow each report&apos;s
            citation chain (“the NYT, citing the Almaty police”) to the source it comes from, and every claim page shows how many independent origins stand
            behind it.
          </li>
          <li>
            <strong>Citation chains are shown.</strong> Each source lists what it cites, so you can trace a figure back to whoever first published it.
          </li>
          <li>
            <strong>Conflicts are shown, not hidden.</strong> When one source supports a claim and another contradicts it, or when reported figures for the
            same thing cannot both be true, the claim page lists the conflicting accounts side by side with their dates and says why they conflict.
          </li>
          <li>
            <strong>Figures as they were said.</strong> We record a figure the way the source gave it: an exact number (“225”), a range (“between 10 and
            20”), or an open bound (“at least 164”, “more than 1,000”, “up to 30”, “nearly 30”, “fewer than 10”), and we keep the source&apos;s own words.
            Vague words such as “dozens” are kept too, with the range we read them as; that range is our interpretation and is labelled as such.
          </li>
          <li>
            <strong>What was counted.</strong> For each story we keep a list of the things its figures count, each in one unit (“deaths”, in people),
            with the other words sources use for it: “people killed” and “fatalities” are counted as deaths, so their figures appear in one chart and are
            compared with each other. For each we also decide whether it is a <em>running total</em>, such as a death toll or the number of people
            detained so far, or a count that can go down, such as the number of people in hospital today.
          </li>
          <li>
            <strong>When two figures conflict.</strong> We compare figures only when they count the same thing in the same unit. Each figure is given
            “as of” a moment, or for a period (“from 6 to 9 January”). Two figures whose moments or periods overlap conflict when no single number fits
            both: 12 and 18 cannot both be right, while “at least 164” and 225 can. A figure without a date is compared as if it were given at the same
            moment as the others. A running total can rise as more is known but cannot fall, so a later, higher count is an <em>evolution</em> and not a
            conflict: “at least 164” on 9 January and 225 on 15 January are both shown, as the toll rising. A running total that goes down (225 on one
            day, 200 the next) is flagged as a conflict, unless we know why the later count is lower (a recount that removed duplicates, a narrower
            scope): then we say so next to the figure, and it is not flagged. A count that is not a running total may go down between two dates
            without any conflict.
          </li>
          <li>
            <strong>Published as approved.</strong> What you read about a figure (what it counts, its other names, whether it is a running total) is part of
            the approved, published record. If we later rename a counted thing or change how we treat it, the page changes only when the claim is reviewed
            and published again.
          </li>
          <li>
            <strong>“As of” matters.</strong> Casualty counts and prices change; every verdict says what was known and when, and states the gap when the
            evidence cannot settle the question.
          </li>
          <li>
            <strong>Four eyes.</strong> Every verdict is written by one journalist and approved by a different editor before it is published. Every
            claim page names both, with dates, for each version. The approval covers exactly what you read: the claim, its sources, excerpts and figures,
            and the verdict. If any of it changes after the approval, it is not published until it is reviewed again.
          </li>
        </ul>
      </section>
      <section aria-labelledby="corrections">
        <h2 id="corrections">Corrections policy</h2>
        <p>
          What you read on a claim page is a publication: a fixed copy of the claim, its sources and our verdict, as two people reviewed it. Nothing
          published is edited in place. When our work on a published claim changes what you would read, the change is published as a new version, only
          after an editor who did not make it has approved it, and always with a note saying what changed and why:
        </p>
        <ul className="stack">
          <li>
            <strong>An update</strong> adds or changes evidence or wording; the rating stands.
          </li>
          <li>
            <strong>A correction</strong> changes the rating or the substance of the check.
          </li>
          <li>
            <strong>A retraction</strong> withdraws a check we should not have published. Its page stays online with the retraction notice, its date and
            reason, and what we had published before; it is no longer offered as a fact-check to search engines.
          </li>
        </ul>
        <p>
          Every claim page shows its version history with the date, the note, who checked and approved each version, and what changed from the one before.
          Corrections, retractions and updates are listed on the <a href="/corrections">corrections page</a> and in the{" "}
          <a href="/feeds/corrections.atom">corrections feed</a>; the <a href="/feeds/verdicts.atom">verdicts feed</a> marks each changed claim as updated.
        </p>
      </section>
      <section aria-labelledby="verify-us">
        <h2 id="verify-us">Verify us</h2>
        <p>
          You do not have to take our word that a published check was never quietly changed or removed. Every publication event (a check, an update,
          a correction, a retraction) is appended to a <a href="/api/v1/log">public log</a>: its number, time, claim, version, rating and a SHA-256
          digest of exactly what we published, each entry chained to the one before. We sign the log&apos;s current state (its{" "}
          <a href="/api/v1/log/head">head</a>) with a key kept outside our database; its public half is at{" "}
          <a href="/.well-known/claimdesk-ledger-key">/.well-known/claimdesk-ledger-key</a>.
        </p>
        <p>To check us, from a copy of our open-source code:</p>
        <pre className="command-lines">
          <code>npm install{"\n"}npm run ledger:verify -- {"<address of this site>"}</code>
        </pre>
        <p>
          It downloads the log and every published version, recomputes each digest, and reports any published record that no longer matches its
          logged digest, any gap or reordering, and any head that does not extend one it saw before (it keeps the heads it saw). Run it now and again
          later: if we ever rewrote or shortened our history, the heads you kept would show it.
        </p>
        <p>
          What this proves: what we published, in which order, and that it was not changed afterwards without a new, visible version. What it does
          not prove: that a check is right. For that, read the sources and our reasoning on each claim page.
        </p>
      </section>
      <ReaderProcess />
    </>
  );
}
