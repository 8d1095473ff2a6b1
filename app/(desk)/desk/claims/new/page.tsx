import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { getClaimFormOptions } from "@/lib/data/claims";
import { NewClaimForm } from "@/components/claims/new-claim-form";

export const metadata: Metadata = { title: "New claim" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function NewClaimPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageActor("claim.create");
  const params = await searchParams;
  const options = await getClaimFormOptions();
  // Links from an imported article can prefill the appearance: ?document=<id>&sentence=<text>.
  const initial = { documentId: first(params.document), sentence: first(params.sentence), storyId: first(params.story) };
  return (
    <>
      <h1>New claim</h1>
      <p className="muted">Similar claims already on the desk are shown before anything is saved.</p>
      <NewClaimForm options={options} initial={initial} />
    </>
  );
}
