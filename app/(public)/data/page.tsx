import type { Metadata } from "next";
import { connection } from "next/server";
import { formatDate } from "@/components/ledger/format";
import { DictionaryTable } from "@/components/ledger/dictionary-table";
import { getEnv } from "@/lib/env";
import { cachedPublicationSpan } from "@/lib/public/cached";
import { CLAIM_REVIEW_FIELDS, RETRACTION_FIELDS } from "@/lib/public/data-dictionary";
import { buildDataset, DOWNLOADS } from "@/lib/public/dataset";
import { serializeJsonLd } from "@/lib/public/claim-review";
import { getNonce } from "@/lib/security/nonce";

export const metadata: Metadata = { title: "Open data", description: "Download every published fact-check as ClaimReview data, with a data dictionary and licence." };

export default async function DataPage() {
  await connection();
  const env = getEnv();
  const span = await cachedPublicationSpan();
  const dataset = buildDataset({ base: env.PUBLIC_BASE_URL, licenceUrl: env.DATA_LICENSE_URL, span });
  // A data block, never executed; the nonce keeps it within the policy all the same.
  const nonce = await getNonce();
  return (
    <article aria-labelledby="data-heading" className="stack">
      <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: serializeJsonLd(dataset) }} />
      <h1 id="data-heading">Open data</h1>
      <p>
        Every fact-check on our public record, for researchers and developers: the claim, who made it and where, our rating, and when we published,
        updated, corrected or retracted it. Only versions an editor approved are in it; drafts and desk notes never are.
      </p>
      <p>
        {span.first && span.latest ? (
          <>
            Published from <time dateTime={span.first}>{formatDate(span.first)}</time> to <time dateTime={span.latest}>{formatDate(span.latest)}</time>
            ; the files are built from the live record each time you download them.
          </>
        ) : (
          <>Nothing is published yet: the files below are empty until the first fact-check is.</>
        )}
      </p>

      <section aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">Downloads</h2>
        <ul className="stack">
          {DOWNLOADS.map((d) => (
            <li key={d.path}>
              <a href={d.path} download={d.compressed ? d.path.split("/").pop() : undefined}>
                {d.name}
              </a>{" "}
              <span className="hint">
                <code>{d.path}</code> · {d.compressed ? `${d.encodingFormat}, gzip-compressed` : d.encodingFormat}
              </span>
            </li>
          ))}
        </ul>
        <p className="hint">
          The .gz files are the same data, compressed to a fraction of the size. The JSON Lines file holds every claim on the record, retracted ones as
          retraction records; the DataFeed holds the standing ClaimReviews only, in the layout fact-check aggregators read.
        </p>
      </section>

      <section aria-labelledby="licence-heading">
        <h2 id="licence-heading">Licence and credit</h2>
        <p>
          Published under <a href={env.DATA_LICENSE_URL}>{env.DATA_LICENSE_NAME}</a>. Please credit us and link to the claim&apos;s <code>url</code>, which is
          stable.
        </p>
      </section>

      <section aria-labelledby="api-heading">
        <h2 id="api-heading">API and fair use</h2>
        <p>
          The same records, one claim at a time, with every version and the signed public log: the{" "}
          <a href="/api/v1/openapi.json">OpenAPI 3.1 description</a> of the JSON API and feeds. Each address may make{" "}
          {env.RATE_LIMIT_API_REQUESTS} API requests per {env.RATE_LIMIT_API_WINDOW_SECONDS} seconds and {env.RATE_LIMIT_EXPORT_REQUESTS} downloads per{" "}
          {Math.round(env.RATE_LIMIT_EXPORT_WINDOW_SECONDS / 60)} minutes; beyond that the answer is <code>429</code> with a <code>Retry-After</code> to wait.
          Conditional requests answered <code>304</code> do not count.
        </p>
      </section>

      <section aria-labelledby="dictionary-heading">
        <h2 id="dictionary-heading">Data dictionary</h2>
        <p>
          One line of the JSON Lines file is one of two records. Fields marked optional are left out when they have no value. Within version 1 of the API,
          fields are only ever added, never renamed or removed.
        </p>
        <DictionaryTable caption="A standing claim: a schema.org ClaimReview" fields={CLAIM_REVIEW_FIELDS} />
        <p className="hint">Rows starting with … are the fields of each appearance (itemReviewed.appearance[] and itemReviewed.firstAppearance).</p>
        <DictionaryTable caption="A retracted claim: its retraction record" fields={RETRACTION_FIELDS} />
      </section>
    </article>
  );
}
