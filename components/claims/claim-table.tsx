import Link from "next/link";
import type { ClaimListItem } from "@/lib/data/claims";
import { CLAIM_KIND_LABEL } from "@/lib/validations/claim";
import { ConflictBadge, StatusBadge } from "./status-badge";
import { BULK_FORM_ID } from "./bulk-form-id";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function ClaimTable({ claims, actorId }: { claims: ClaimListItem[]; actorId: string }) {
  return (
    // Below 640 px each claim is a card (app/globals.css, .stack-on-phone): nothing scrolls sideways.
    <div>
      <table className="stack-on-phone">
        <caption className="visually-hidden">Claims</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Tick for bulk changes</span>
            </th>
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
                <input type="checkbox" name="ids" value={claim.id} form={BULK_FORM_ID} aria-label={`Tick: ${claim.text}`} style={{ width: "auto" }} />
              </td>
              <td>
                <Link href={`/desk/claims/${claim.slug}`} data-shortcut-item>
                  {claim.text}
                </Link>
                <div className="muted">{claim.claimant}</div>
                {claim.hasConflict ? <ConflictBadge /> : null}
              </td>
              <td data-label="Status">
                <StatusBadge status={claim.status} />
              </td>
              <td data-label="Kind">{CLAIM_KIND_LABEL[claim.kind]}</td>
              <td data-label="Story">{claim.story?.title ?? <span className="muted">—</span>}</td>
              <td data-label="Assigned">{claim.assignee ? (claim.assignee.id === actorId ? "Me" : claim.assignee.name) : <span className="muted">Nobody</span>}</td>
              <td data-label="Sources">{claim.evidenceCount}</td>
              <td data-label="Updated">
                <time dateTime={claim.updatedAt}>{dateFormat.format(new Date(claim.updatedAt))}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
