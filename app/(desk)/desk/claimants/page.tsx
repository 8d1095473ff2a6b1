import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { listClaimants } from "@/lib/data/claimants";
import { CLAIMANT_TYPE_LABEL } from "@/lib/validations/claimant";
import { ClaimantForm } from "@/components/claimants/claimant-form";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Claimants" };

/**
 * The people and organisations claims are attributed to. Claim forms create them; editors and
 * admins set their type, sameAs and aliases here. Those nobody has typed yet come first.
 */
export default async function ClaimantsPage() {
  const actor = await requirePageActor("desk.read");
  const claimants = await listClaimants(await getDb());
  const mayManage = can(actor.role, "claimant.manage");
  const untyped = claimants.filter((c) => c.type === null).length;

  return (
    <>
      <h1>Claimants</h1>
      <p className="muted">
        Who makes claims, reused across claims: typing a name or alias in a claim form picks the claimant, a new name creates one. Fact-check markup
        names each as a person or an organisation, with its Wikidata or official page.
        {mayManage ? "" : " Editors set types, pages and aliases."}
      </p>
      {untyped > 0 ? (
        <p className="hint" role="status">
          {untyped} claimant{untyped === 1 ? " needs" : "s need"} a type: until someone sets it, markup guesses from the name.
        </p>
      ) : null}
      {claimants.length === 0 ? (
        <p className="empty">No claimants yet. Name one in a new claim and it appears here.</p>
      ) : (
        <TableScroll label="Table of claimants">
          <table aria-labelledby="claimants-heading" className="stack-on-phone">
            <caption id="claimants-heading" className="visually-hidden">
              Claimants
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Also called</th>
                <th scope="col">Claims</th>
              </tr>
            </thead>
            <tbody>
              {claimants.map((claimant) => (
                <tr key={claimant.id}>
                  <th scope="row">
                    {claimant.sameAs ? (
                      <a href={claimant.sameAs} rel="noreferrer">
                        {claimant.name}
                      </a>
                    ) : (
                      claimant.name
                    )}
                  </th>
                  <td data-label="Type">{claimant.type ? CLAIMANT_TYPE_LABEL[claimant.type] : <strong>needs review</strong>}</td>
                  <td data-label="Also called">{claimant.aliases.join(", ") || <span className="muted">none</span>}</td>
                  <td data-label="Claims">{claimant.claimCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {mayManage && claimants.length > 0 ? (
        <section aria-labelledby="edit-claimants-heading" className="stack">
          <h2 id="edit-claimants-heading">Edit</h2>
          <p className="hint">A change reaches readers only when a claim naming the claimant is published again; an approved verdict on such a claim goes back to review.</p>
          {claimants.map((claimant) => (
            <details key={claimant.id} className="panel">
              <summary>{claimant.name}</summary>
              <ClaimantForm claimant={claimant} />
            </details>
          ))}
        </section>
      ) : null}
    </>
  );
}
