import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { startPath } from "@/components/desk/start-path";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Sign-in lands here; each role starts where its work is. A refused page's notice travels along. */
export default async function DeskHome({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const denied = (await searchParams).denied === "1";
  redirect(`${startPath(actor.role)}${denied ? "?denied=1" : ""}`);
}
