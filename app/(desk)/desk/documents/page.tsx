import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { listRecentDocuments } from "@/lib/data/documents";
import { formatDay } from "@/components/documents/format";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Imported articles" };

export default async function DocumentsPage() {
  await requirePageActor("desk.read");
  const documents = await listRecentDocuments();
  return (
    <>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1>Imported articles</h1>
        <Link className="button" href="/desk/documents/new">
          Import article
        </Link>
      </div>
      {documents.length === 0 ? (
        <p className="empty">
          No articles yet. <Link href="/desk/documents/new">Import one</Link> to find the claims in it.
        </p>
      ) : (
        <TableScroll label="The 50 most recently imported articles">
          <table className="stack-on-phone">
            <caption className="visually-hidden">The 50 most recently imported articles</caption>
            <thead>
              <tr>
                <th scope="col">Headline</th>
                <th scope="col">Outlet</th>
                <th scope="col">Published</th>
                <th scope="col">Story</th>
                <th scope="col">Claims</th>
                <th scope="col">Imported</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((doc) => (
                <tr key={doc.id}>
                  <td>
                    <Link href={`/desk/documents/${doc.id}`}>{doc.title}</Link>
                  </td>
                  <td data-label="Outlet">{doc.outlet}</td>
                  <td data-label="Published">{formatDay(doc.publishedAt)}</td>
                  <td data-label="Story">{doc.storyTitle ?? <span className="muted">—</span>}</td>
                  <td data-label="Claims">{doc.claimCount}</td>
                  <td data-label="Imported">
                    {formatDay(doc.createdAt)}
                    {doc.createdByName ? <span className="muted"> by {doc.createdByName}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
