import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { getClaimFormOptions } from "@/lib/data/claims";
import { getReaderRequest } from "@/lib/data/reader-requests";
import { NewClaimForm } from "@/components/claims/new-claim-form";

export const metadata: Metadata = { title: "New claim" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function NewClaimPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageActor("claim.create");
  const params = await searchParams;
  const options = await getClaimFormOptions();
  // Links from an imported article can prefill the appearance: ?document=<id>&sentence=<text>.
  // "Turn into a claim" from a reader's open suggestion: ?request=<id> prefills its text.
  const request = params.request ? await getReaderRequest(first(params.request)) : null;
  const suggestion = request?.status === "OPEN" && request.kind === "SUGGESTION" ? request : null;
  const initial = { documentId: first(params.document), sentence: first(params.sentence), storyId: first(params.story), ...(suggestion ? { text: suggestion.text } : {}) };
  return (
    <>
      <h1>New claim</h1>
      <p className="muted">Similar claims already on the desk are shown before anything is saved.</p>
      {suggestion ? <p className="muted">From reader suggestion {suggestion.reference}: saving the claim closes it as turned into a claim.</p> : null}
      <NewClaimForm options={options} initial={initial} readerRequestId={suggestion?.id} />
    </>
  );
}
