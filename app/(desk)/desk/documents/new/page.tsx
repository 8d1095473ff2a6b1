import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { listStoryOptions } from "@/lib/data/documents";
import { ImportDocumentForm } from "@/components/documents/import-document-form";
import { ImportUrlForm } from "@/components/documents/import-url-form";

export const metadata: Metadata = { title: "Import article" };

export default async function NewDocumentPage() {
  await requirePageActor("document.import");
  const stories = await listStoryOptions();
  return (
    <>
      <p className="muted">
        <Link href="/desk/documents">Imported articles</Link>
      </p>
      <h1>Import an article</h1>
      <p className="muted">
        Give an article’s address, or paste its text, to find its check-worthy sentences: figures, quotes and attributed statements. You choose which
        become claims on the next screen.
      </p>
      <ImportUrlForm stories={stories} />
      <h2>Or paste the text</h2>
      <ImportDocumentForm stories={stories} />
    </>
  );
}
