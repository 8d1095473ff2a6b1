import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ReaderRequestForm } from "@/components/readers/reader-request-form";
import { getEnv } from "@/lib/env";
import { FormMessage } from "@/components/ui/form-message";

export const metadata: Metadata = { title: "Send us a claim or a correction", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FIELD_LABEL: Record<string, string> = { text: "the main text", seenAt: "the link or where you saw it", email: "the e-mail address", kind: "the kind of request", page: "the page" };

function refusalMessage(reason: string, field: string): string {
  const env = getEnv();
  switch (reason) {
    case "address_limit":
      return `You have sent ${env.READER_LIMIT_PER_ADDRESS} requests in the last ${env.READER_LIMIT_WINDOW_MINUTES} minutes, our limit per connection. Please try again later.`;
    case "global_limit":
      return "We are receiving an unusual number of requests right now and have paused the form. Please try again in an hour.";
    case "too_fast":
      return "That was sent within seconds of the page opening, which is what automated senders do. Please fill in the form again.";
    case "expired":
      return "The form was open for more than a day. Please fill it in again.";
    case "too_large":
      return "That was longer than the form allows. Please shorten it.";
    case "invalid":
      return `Please check ${FIELD_LABEL[field] ?? "the form"}: it is required, too long, holds more than three links or invisible characters, or the e-mail address is not valid.`;
    default:
      return "We could not accept that form. Please fill it in again on this page.";
  }
}

/** The reader forms on a page of their own: where a refused post lands, with the reason, and a link target. */
export default async function NewReaderRequestPage({ searchParams }: { searchParams: SearchParams }) {
  await connection(); // the form token is issued per render
  const params = await searchParams;
  const kind = params.kind === "SUGGESTION" ? "SUGGESTION" : "CORRECTION";
  const page = typeof params.page === "string" && /^\/(claims|stories)\/[a-z0-9-]{1,200}$/.test(params.page) ? params.page : undefined;
  const refused = typeof params.refused === "string" ? params.refused : null;
  const field = typeof params.field === "string" ? params.field : "";
  return (
    <section aria-labelledby="request-heading" className="stack">
      <h1 id="request-heading">{kind === "SUGGESTION" ? "Suggest a claim to check" : "Report an error / request a correction"}</h1>
      {refused ? (
        <FormMessage tone="error">
          Not sent. {refusalMessage(refused, field)}
        </FormMessage>
      ) : null}
      {page ? (
        <p className="muted">
          About <Link href={page}>the page you came from</Link>.
        </p>
      ) : null}
      <ReaderRequestForm kind={kind} page={page} id="request" />
      <p className="hint">
        {kind === "SUGGESTION" ? <Link href={`/requests/new?kind=CORRECTION${page ? `&page=${page}` : ""}`}>Report an error instead</Link> : <Link href={`/requests/new?kind=SUGGESTION${page ? `&page=${page}` : ""}`}>Suggest a claim instead</Link>}
        {" · "}
        <Link href="/methodology#reader-requests">How we handle requests</Link>
      </p>
    </section>
  );
}
