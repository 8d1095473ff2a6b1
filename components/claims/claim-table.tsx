import Link from "next/link";
import type { ClaimListItem } from "@/lib/data/claims";
import { CLAIM_KIND_LABEL } from "@/lib/validations/claim";
import { ConflictBadge, StatusBadge } from "./status-badge";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function ClaimTable({ claims, actorId }: { claims: ClaimListItem[]; actorId: string }) {
  return (
    <table>
      <caption className="visually-hidden">Claims</caption>
      <thead>
        <tr>
          <th scope="col">Claim</th>
          <th scope="col">Status</th>
          <th scope="col">Kind</th>
          <th scope="col">Story</th>
          <th scope="col">Assigned</th>
          <th scope="col">Sources</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {claims.map((claim) => (
          <tr key={claim.id}>
            <td>
              <Link href={`/desk/claims/${claim.slug}`}>{claim.text}</Link>
              <div className="muted">{claim.claimant}</div>
              {claim.hasConflict ? <ConflictBadge /> : null}
            </td>
            <td>
              <StatusBadge status={claim.status} />
            </td>
            <td>{CLAIM_KIND_LABEL[claim.kind]}</td>
            <td>{claim.story?.title ?? <span className="muted">—</span>}</td>
            <td>{claim.assignee ? (claim.assignee.id === actorId ? "Me" : claim.assignee.name) : <span className="muted">Nobody</span>}</td>
            <td>{claim.evidenceCount}</td>
            <td>
              <time dateTime={claim.updatedAt}>{dateFormat.format(new Date(claim.updatedAt))}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
