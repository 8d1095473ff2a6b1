import { createHash, randomInt } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client";
import { readerRequestSchema } from "../validations/reader-request";
import { checkFormToken } from "./form-token";

/*
 * A reader's suggestion or correction request, from the public form (POST /reader-requests). No
 * session and no third-party service: the checks run cheapest first and every refusal has a
 * reason the confirmation page explains.
 *  1. the honeypot field is empty and the signed form token is ours, at least MIN_FILL_SECONDS old
 *     and at most a day (form-token.ts) — no database work for bots;
 *  2. a slot under the per-address and global limits (reserve_reader_slot, one statement);
 *  3. the fields (sizes, at most READER_MAX_LINKS links, an optional e-mail);
 *  4. one INSERT … ON CONFLICT: the same request (same kind, same claim, same words) folds into the
 *     open one, counting submissions; nothing is ever half-written.
 */

export type ReaderLimits = { perAddress: number; global: number; windowMinutes: number };

export type Refusal = "honeypot" | "token" | "too_fast" | "expired" | "address_limit" | "global_limit" | "invalid";
export type SubmitOutcome = { ok: true; reference: string; folded: boolean } | { ok: false; reason: Refusal; fieldErrors?: Record<string, string[]> };

/** The field bots fill and people never see; its name looks like a real one. */
export const HONEYPOT_FIELD = "website";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** A reference the reader can quote: R- and eight Crockford base-32 characters (no I, L, O, U). */
export function newReference(): string {
  return `R-${Array.from({ length: 8 }, () => CROCKFORD[randomInt(32)]).join("")}`;
}

/** The same request twice folds into one: kind, the claim it is about and the words, case and spacing aside. */
export function requestFingerprint(kind: string, claimId: string | null, text: string): string {
  const words = text.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").replace(/[\s.!?…]+$/u, "").trim();
  return createHash("sha256").update(`${kind}\n${claimId ?? ""}\n${words}`).digest("hex");
}

export async function submitReaderRequest(
  db: Db,
  options: { form: Record<string, unknown>; ip: string; secret: string; limits: ReaderLimits; now?: number },
): Promise<SubmitOutcome> {
  const { form, ip, secret, limits } = options;
  const honeypot = form[HONEYPOT_FIELD];
  if (typeof honeypot === "string" && honeypot.trim() !== "") return { ok: false, reason: "honeypot" };
  const token = checkFormToken(secret, form.token, options.now);
  if (token !== "ok") return { ok: false, reason: token === "invalid" ? "token" : token };

  const [slot] = await db.$queryRaw<Array<{ outcome: string }>>`
    SELECT reserve_reader_slot(${ip}, ${limits.windowMinutes}::integer, ${limits.perAddress}::integer, ${limits.global}::integer) AS outcome`;
  if (slot?.outcome === "address") return { ok: false, reason: "address_limit" };
  if (slot?.outcome !== "allowed") return { ok: false, reason: "global_limit" };

  const parsed = readerRequestSchema.safeParse(form);
  if (!parsed.success) {
    return { ok: false, reason: "invalid", fieldErrors: z.flattenError(parsed.error as z.ZodError<unknown>).fieldErrors as Record<string, string[]> };
  }
  const input = parsed.data;
  // A correction request sent from a published claim's page is tied to that claim.
  const claimId = input.kind === "CORRECTION" && input.page?.startsWith("/claims/") ? await publishedClaimId(db, input.page.slice("/claims/".length)) : null;
  const fingerprint = requestFingerprint(input.kind, claimId, input.text);
  const [row] = await db.$queryRaw<Array<{ reference: string; submissions: number }>>`
    INSERT INTO "reader_requests" ("reference", "kind", "text", "seen_at", "email", "notice", "page_path", "claim_id", "fingerprint")
    VALUES (${newReference()}, ${input.kind}::"ReaderRequestKind", ${input.text}, ${input.seenAt ?? null}, ${input.email ?? null},
            ${input.email ? "PENDING" : "NONE"}::"ReaderNotice", ${input.page ?? null}, ${claimId}::uuid, ${fingerprint})
    ON CONFLICT ("fingerprint") WHERE "status" = 'OPEN' DO UPDATE
      SET "submissions" = "reader_requests"."submissions" + 1,
          "email" = COALESCE("reader_requests"."email", EXCLUDED."email"),
          "notice" = CASE WHEN "reader_requests"."email" IS NULL AND EXCLUDED."email" IS NOT NULL THEN 'PENDING'::"ReaderNotice" ELSE "reader_requests"."notice" END,
          "updated_at" = now()
    RETURNING "reference", "submissions"`;
  if (!row) throw new Error("reader request insert returned no row");
  return { ok: true, reference: row.reference, folded: row.submissions > 1 };
}

/** The id of a claim with a publication, by slug; null for anything else (desk-only claims stay unknown). */
async function publishedClaimId(db: Db, slug: string): Promise<string | null> {
  const row = await db.publication.findFirst({ where: { claim: { slug } }, select: { claimId: true } });
  return row?.claimId ?? null;
}
