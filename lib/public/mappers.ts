import type { Prisma } from "../generated/prisma/client";
import { findConflicts } from "../domain/conflicts";
import { resolveOrigins } from "../domain/origins";
import { RATING_LABEL } from "../ratings";
import type { LedgerItem, PublicClaim, PublicCorrectionStep, PublicVerdict, TimelineEntry } from "./types";

// The only columns the public ledger reads. No `note`, no reviews, no users: what is not selected cannot leak.

const publishedVerdicts = { where: { state: "PUBLISHED" }, select: { rating: true, ratingValue: true, publishedAt: true, supersedesId: true } } as const;

export const ledgerItemSelect = {
  id: true,
  slug: true,
  text: true,
  claimant: true,
  claimedAt: true,
  hasConflict: true,
  story: { select: { slug: true, title: true } },
  verdicts: publishedVerdicts,
} satisfies Prisma.ClaimSelect;

const verdictFields = {
  id: true,
  rating: true,
  ratingValue: true,
  reasoning: true,
  evidenceGap: true,
  asOf: true,
  state: true,
  publishedAt: true,
  supersedesId: true,
  correctionNote: true,
} satisfies Prisma.VerdictSelect;

const sourceFields = { id: true, url: true, outlet: true, type: true, title: true, publishedAt: true, archiveUrl: true, reliabilityNote: true } satisfies Prisma.SourceSelect;

export const publicClaimSelect = {
  slug: true,
  text: true,
  claimant: true,
  claimedAt: true,
  kind: true,
  sentence: true,
  story: { select: { slug: true, title: true } },
  document: { select: { title: true, outlet: true, url: true, publishedAt: true } },
  // SUPERSEDED verdicts were all published once: they are the corrections history.
  verdicts: { where: { state: { in: ["PUBLISHED", "SUPERSEDED"] } }, select: verdictFields },
  evidence: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      stance: true,
      excerpt: true,
      location: true,
      attribution: true,
      sourceId: true,
      citesSourceId: true,
      source: { select: sourceFields },
      cites: { select: sourceFields },
      figure: { select: { low: true, high: true, words: true, unit: true, counted: true, asOf: true } },
    },
  },
} satisfies Prisma.ClaimSelect;

type LedgerRow = Prisma.ClaimGetPayload<{ select: typeof ledgerItemSelect }>;
type PublicClaimRow = Prisma.ClaimGetPayload<{ select: typeof publicClaimSelect }>;
type VerdictRow = PublicClaimRow["verdicts"][number];

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function toLedgerItem(row: LedgerRow): LedgerItem | null {
  const verdict = row.verdicts[0];
  if (!verdict?.publishedAt) return null;
  return {
    slug: row.slug,
    text: row.text,
    claimant: row.claimant,
    claimedAt: iso(row.claimedAt),
    hasConflict: row.hasConflict,
    story: row.story,
    verdict: {
      rating: verdict.rating,
      ratingLabel: RATING_LABEL[verdict.rating],
      ratingValue: verdict.ratingValue,
      publishedAt: verdict.publishedAt.toISOString(),
      corrected: verdict.supersedesId !== null,
    },
  };
}

function toPublicVerdict(v: VerdictRow): PublicVerdict {
  return {
    rating: v.rating,
    ratingLabel: RATING_LABEL[v.rating],
    ratingValue: v.ratingValue,
    reasoning: v.reasoning,
    evidenceGap: v.evidenceGap,
    asOf: iso(v.asOf),
    publishedAt: iso(v.publishedAt) ?? "",
    correctionNote: v.correctionNote,
  };
}

/** Walks the published verdict's `supersedes` chain back to the first verdict: newest correction first. */
function correctionHistory(current: VerdictRow, all: VerdictRow[]): PublicCorrectionStep[] {
  const byId = new Map(all.map((v) => [v.id, v]));
  const steps: PublicCorrectionStep[] = [];
  const seen = new Set<string>();
  for (let newer = current; newer.supersedesId && !seen.has(newer.id); ) {
    seen.add(newer.id);
    const previous = byId.get(newer.supersedesId);
    if (!previous?.publishedAt) break;
    const { correctionNote: _note, ...prev } = toPublicVerdict(previous);
    steps.push({
      previous: prev,
      correctedAt: iso(newer.publishedAt) ?? "",
      newRating: newer.rating,
      newRatingLabel: RATING_LABEL[newer.rating],
      note: newer.correctionNote ?? "",
    });
    newer = previous;
  }
  return steps;
}

export function toPublicClaim(row: PublicClaimRow): PublicClaim | null {
  const current = row.verdicts.find((v) => v.state === "PUBLISHED");
  if (!current?.publishedAt) return null;
  const origins = resolveOrigins(row.evidence.map((e) => ({ sourceId: e.sourceId, citesSourceId: e.citesSourceId })));
  const knownSources = new Map(row.evidence.flatMap((e) => [[e.source.id, e.source] as const, ...(e.cites ? [[e.cites.id, e.cites] as const] : [])]));
  const figureOf = (f: NonNullable<PublicClaimRow["evidence"][number]["figure"]>) => ({ low: Number(f.low), high: Number(f.high), words: f.words, unit: f.unit, counted: f.counted, asOf: iso(f.asOf) });
  return {
    slug: row.slug,
    text: row.text,
    claimant: row.claimant,
    claimedAt: iso(row.claimedAt),
    kind: row.kind,
    story: row.story,
    appearance: {
      sentence: row.sentence,
      document: row.document ? { ...row.document, publishedAt: iso(row.document.publishedAt) } : null,
    },
    verdict: toPublicVerdict(current),
    corrections: correctionHistory(current, row.verdicts),
    sources: row.evidence.map((e) => {
      const origin = knownSources.get(origins.get(e.sourceId) ?? e.sourceId) ?? e.source;
      return {
        stance: e.stance,
        excerpt: e.excerpt,
        location: e.location,
        attribution: e.attribution,
        source: {
          url: e.source.url,
          outlet: e.source.outlet,
          type: e.source.type,
          title: e.source.title,
          publishedAt: iso(e.source.publishedAt),
          archiveUrl: e.source.archiveUrl,
          reliabilityNote: e.source.reliabilityNote,
        },
        cites: e.cites ? { url: e.cites.url, outlet: e.cites.outlet, title: e.cites.title } : null,
        origin: { url: origin.url, outlet: origin.outlet },
        figure: e.figure ? figureOf(e.figure) : null,
      };
    }),
    independentOrigins: new Set(origins.values()).size,
    conflicts: findConflicts(row.evidence.map((e) => ({ stance: e.stance, figure: e.figure ? figureOf(e.figure) : null }))),
  };
}

type TimelineClaim = {
  slug: string;
  evidence: Array<{
    source: { url: string; outlet: string; title: string | null; publishedAt: Date | null };
    figure: { low: Prisma.Decimal; high: Prisma.Decimal; words: string | null; unit: string; counted: string; asOf: Date | null } | null;
  }>;
};

/** What was reported when: each source's publication and each figure's "as of", oldest first. */
export function toTimeline(claims: TimelineClaim[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const claim of claims) {
    for (const { source, figure } of claim.evidence) {
      if (source.publishedAt) {
        entries.push({ date: source.publishedAt.toISOString(), kind: "source", claimSlug: claim.slug, outlet: source.outlet, url: source.url, label: source.title ?? source.outlet });
      }
      if (figure?.asOf) {
        const low = Number(figure.low);
        const high = Number(figure.high);
        const value = figure.words ? `${figure.words} (${low}–${high})` : low === high ? String(low) : `${low}–${high}`;
        entries.push({ date: figure.asOf.toISOString(), kind: "figure", claimSlug: claim.slug, outlet: source.outlet, url: source.url, label: `${value} ${figure.unit}: ${figure.counted}` });
      }
    }
  }
  return entries.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.outlet.localeCompare(b.outlet));
}
