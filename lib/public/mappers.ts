import { findConflicts, hasConflict } from "../domain/conflicts";
import { describeAsOf, describeFigure, inferBound, type FigureBound } from "../domain/figures";
import { resolveOrigins } from "../domain/origins";
import type { ClaimantType, PublicationKind, Rating, SourceType, Stance } from "../generated/prisma/enums";
import { RATING_LABEL } from "../ratings";
import type { LedgerItem, PublicationKindName, PublicByline, PublicClaim, PublicClaimContent, PublicFigure, PublicVersion, StoryFigure, TimelineEntry } from "./types";

// The public ledger renders publication snapshots only, never desk rows. A snapshot is the jsonb
// built by the database function publication_content() (migration 20261129100000_publications);
// what is not in it cannot reach a reader.

type SnapshotSource = {
  id: string;
  url: string;
  outlet: string;
  type: SourceType;
  title: string | null;
  publishedAt: string | null;
  archiveUrl: string | null;
  reliabilityNote: string | null;
};

export type PublicationSnapshot = {
  // "claimantType", "claimantSameAs" and "summary" appear only when set (migration 20261130600000_claimants).
  claim: { slug: string; text: string; claimant: string; claimedAt: string | null; kind: string; claimantType?: ClaimantType; claimantSameAs?: string; summary?: string };
  story: { slug: string; title: string; summary: string; startsOn: string | null } | null;
  appearance: { sentence: string | null; document: { title: string; outlet: string; url: string | null; publishedAt: string | null } | null };
  evidence: Array<{
    stance: Stance;
    excerpt: string;
    location: string | null;
    attribution: string | null;
    source: SnapshotSource;
    cites: SnapshotSource | null;
    // Only on a translated excerpt (migration 20261201400000_source_snapshots).
    excerptLanguage?: string;
    translation?: string;
    // "bound" is absent in snapshots written before figures had bounds (see inferBound); low or high is null for an open bound.
    // "asOfEnd", "cumulative" and "alsoCalled" appear only when they say something (a span, a count
    // that may fall, synonyms): without them a figure is an instant of a running total, as before the vocabulary.
    figure: {
      bound?: FigureBound;
      low: number | string | null;
      high: number | string | null;
      words: string | null;
      unit: string;
      counted: string;
      asOf: string | null;
      asOfEnd?: string;
      cumulative?: false;
      alsoCalled?: string[];
      explanation?: string;
    } | null;
  }>;
  verdict: { rating: Rating; ratingValue: number; reasoning: string; evidenceGap: string | null; asOf: string | null };
};

/** A publication row as the public reads select it. */
export type PublicationRow = {
  version: number;
  kind: PublicationKind;
  snapshot: unknown;
  note: string | null;
  publishedAt: Date;
  checkedByName: string | null;
  checkedAt: Date | null;
  approvedByName: string | null;
  approvedAt: Date | null;
};

export const publicationRowSelect = {
  version: true,
  kind: true,
  snapshot: true,
  note: true,
  publishedAt: true,
  checkedByName: true,
  checkedAt: true,
  approvedByName: true,
  approvedAt: true,
} as const;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
export const asSnapshot = (value: unknown) => value as PublicationSnapshot;
export const kindName = (kind: PublicationKind) => kind.toLowerCase() as PublicationKindName;

/** A snapshot's figure, whenever it was written: amounts as numbers, the bound stated or inferred. */
export function figureOf(f: NonNullable<PublicationSnapshot["evidence"][number]["figure"]>): PublicFigure {
  const low = f.low === null ? null : Number(f.low);
  const high = f.high === null ? null : Number(f.high);
  return {
    bound: inferBound({ bound: f.bound, low, high, words: f.words }),
    low,
    high,
    words: f.words,
    unit: f.unit,
    counted: f.counted,
    cumulative: f.cumulative ?? true,
    alsoCalled: f.alsoCalled ?? [],
    asOf: f.asOf,
    asOfEnd: f.asOfEnd ?? null,
    explanation: f.explanation ?? null,
  };
}

/** What a reader sees for one snapshot: claim, verdict, sources with their origins, conflicts. */
export function toPublicContent(raw: unknown): PublicClaimContent {
  const snapshot = asSnapshot(raw);
  const origins = resolveOrigins(snapshot.evidence.map((e) => ({ sourceId: e.source.id, citesSourceId: e.cites?.id ?? null })));
  const known = new Map(snapshot.evidence.flatMap((e) => [[e.source.id, e.source] as const, ...(e.cites ? [[e.cites.id, e.cites] as const] : [])]));
  const { verdict, claim } = snapshot;
  return {
    text: claim.text,
    claimant: claim.claimant,
    ...(claim.claimantType ? { claimantType: claim.claimantType } : {}),
    ...(claim.claimantSameAs ? { claimantSameAs: claim.claimantSameAs } : {}),
    ...(claim.summary ? { summary: claim.summary } : {}),
    claimedAt: claim.claimedAt,
    kind: claim.kind,
    story: snapshot.story ? { slug: snapshot.story.slug, title: snapshot.story.title } : null,
    appearance: snapshot.appearance,
    verdict: {
      rating: verdict.rating,
      ratingLabel: RATING_LABEL[verdict.rating],
      ratingValue: verdict.ratingValue,
      reasoning: verdict.reasoning,
      evidenceGap: verdict.evidenceGap,
      asOf: verdict.asOf,
    },
    sources: snapshot.evidence.map((e) => {
      const origin = known.get(origins.get(e.source.id) ?? e.source.id) ?? e.source;
      const { id: _id, ...source } = e.source;
      return {
        stance: e.stance,
        excerpt: e.excerpt,
        location: e.location,
        attribution: e.attribution,
        source,
        cites: e.cites ? { url: e.cites.url, outlet: e.cites.outlet, title: e.cites.title } : null,
        origin: { url: origin.url, outlet: origin.outlet },
        figure: e.figure ? figureOf(e.figure) : null,
        ...(e.translation ? { translation: { excerptLanguage: e.excerptLanguage ?? "und", text: e.translation } } : {}),
      };
    }),
    independentOrigins: new Set(origins.values()).size,
    conflicts: findConflicts(snapshot.evidence.map((e) => ({ stance: e.stance, source: e.source.outlet, figure: e.figure ? figureOf(e.figure) : null }))),
  };
}

function toByline(row: PublicationRow): PublicByline {
  return { checkedBy: row.checkedByName, checkedAt: iso(row.checkedAt), approvedBy: row.approvedByName, approvedAt: iso(row.approvedAt) };
}

export function toPublicVersion(row: PublicationRow): PublicVersion {
  return { version: row.version, kind: kindName(row.kind), publishedAt: row.publishedAt.toISOString(), note: row.note, byline: toByline(row), content: toPublicContent(row.snapshot) };
}

/** A claim's public record from its publications (any order); null when it has none. */
export function toPublicClaim(rows: PublicationRow[]): PublicClaim | null {
  const sorted = [...rows].sort((a, b) => a.version - b.version);
  const latest = sorted.at(-1);
  const first = sorted[0];
  if (!latest || !first) return null;
  const versions = sorted.map(toPublicVersion);
  const retracted = latest.kind === "RETRACTION";
  return {
    slug: asSnapshot(latest.snapshot).claim.slug,
    ...toPublicContent(latest.snapshot),
    status: retracted ? "retracted" : "published",
    version: latest.version,
    firstPublishedAt: first.publishedAt.toISOString(),
    updatedAt: latest.publishedAt.toISOString(),
    retraction: retracted ? { note: latest.note ?? "", retractedAt: latest.publishedAt.toISOString() } : null,
    versions,
  };
}

/** What was reported when, from published snapshots: each source's date and each figure's "as of", oldest first, each naming its claims. */
export function toTimeline(snapshots: unknown[]): TimelineEntry[] {
  const entries = new Map<string, TimelineEntry>();
  const add = (entry: Omit<TimelineEntry, "claims">, claim: { slug: string; text: string }) => {
    const key = `${entry.date}\u0000${entry.kind}\u0000${entry.url}\u0000${entry.label}`;
    const row = entries.get(key) ?? { ...entry, claims: [] };
    if (!row.claims.some((c) => c.slug === claim.slug)) row.claims.push(claim);
    entries.set(key, row);
  };
  for (const raw of snapshots) {
    const snapshot = asSnapshot(raw);
    const claim = { slug: snapshot.claim.slug, text: snapshot.claim.text };
    for (const { source, figure } of snapshot.evidence) {
      if (source.publishedAt) add({ date: source.publishedAt, kind: "source", outlet: source.outlet, url: source.url, label: source.title ?? source.outlet }, claim);
      if (figure?.asOf) {
        const f = figureOf(figure);
        const label = f.asOfEnd ? `${describeFigure(f)} (${describeAsOf(f)})` : describeFigure(f);
        add({ date: figure.asOf, kind: "figure", outlet: source.outlet, url: source.url, label }, claim);
      }
    }
  }
  const rows = [...entries.values()];
  for (const row of rows) row.claims.sort((a, b) => a.slug.localeCompare(b.slug));
  return rows.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.outlet.localeCompare(b.outlet) || a.label.localeCompare(b.label));
}

/**
 * Every figure in a story's published snapshots, for its charts. The same source reporting the same
 * figure on two claims is one mark, not two.
 */
export function toStoryFigures(snapshots: unknown[]): StoryFigure[] {
  const figures = new Map<string, StoryFigure>();
  for (const raw of snapshots) {
    const snapshot = asSnapshot(raw);
    for (const { source, figure } of snapshot.evidence) {
      if (!figure) continue;
      const f = figureOf(figure);
      const id = [source.url, f.counted, f.unit, f.asOf, f.asOfEnd, f.bound, f.low, f.high].join("\u0000");
      if (!figures.has(id)) figures.set(id, { ...f, id, source: source.outlet, claimSlug: snapshot.claim.slug });
    }
  }
  return [...figures.values()];
}

/** One row of the ledger list from a claim's latest publication (its snapshot, when it was published, whether any version was a correction or an update). */
export function toLedgerItem(raw: unknown, publishedAt: Date, flags: { corrected: boolean; updated: boolean }): LedgerItem {
  const snapshot = asSnapshot(raw);
  const { claim, verdict } = snapshot;
  return {
    slug: claim.slug,
    text: claim.text,
    claimant: claim.claimant,
    claimedAt: claim.claimedAt,
    hasConflict: hasConflict(snapshot.evidence.map((e) => ({ stance: e.stance, figure: e.figure ? figureOf(e.figure) : null }))),
    story: snapshot.story ? { slug: snapshot.story.slug, title: snapshot.story.title } : null,
    verdict: { rating: verdict.rating, ratingLabel: RATING_LABEL[verdict.rating], ratingValue: verdict.ratingValue, publishedAt: publishedAt.toISOString(), ...flags },
  };
}
