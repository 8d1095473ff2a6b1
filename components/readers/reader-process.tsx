/** The methodology page's account of how readers' suggestions and correction requests are handled (docs/readers.md). */
export function ReaderProcess() {
  return (
    <section aria-labelledby="reader-requests">
      <h2 id="reader-requests">Your suggestions and correction requests</h2>
      <p>
        Every claim and story page has two forms: <strong>Suggest a claim</strong> to check, and <strong>Report an error / request a correction</strong>.
        They need no account and no JavaScript. You get a reference (such as R-7K2M9Q4T) to quote if you write to us.
      </p>
      <ul className="stack">
        <li>
          <strong>Who reads them.</strong> Every request reaches the desk&apos;s queue. An editor or fact-checker takes it, usually within two working
          days. A correction request sent from a claim page is shown to the editors of that claim.
        </li>
        <li>
          <strong>What we do.</strong> A suggestion becomes a claim on our desk, is linked to a claim we already have, or is declined with a reason (not
          checkable, outside what we cover, a duplicate, spam). A correction request either leads to a published correction or update, or is closed
          with the reason we found no error. A correction usually takes one to five working days, because a second editor must approve it.
        </li>
        <li>
          <strong>What is public.</strong> Nothing you send is published. A correction made in answer to a reader&apos;s request is marked as such on the{" "}
          <a href="/corrections">corrections page</a>, without naming anyone; the same page gives, for each completed month, how many requests we received,
          acted on and declined.
        </li>
        <li>
          <strong>Your e-mail address</strong> is optional, only used to tell you when we publish a correction in answer to your request, never shown
          publicly, and deleted once we have told you, or 90 days after you wrote at the latest.
        </li>
        <li>
          <strong>Limits.</strong> To keep the forms open without outside services, we accept a few requests per connection per hour, at most three links
          per request, and refuse forms sent faster than a person could fill them in. The same request sent again is counted, not duplicated.
        </li>
      </ul>
      <p>
        To follow a developing story or one check, subscribe to its feed (linked at the foot of its page): it lists new verdicts, updates, corrections and
        retractions.
      </p>
    </section>
  );
}
