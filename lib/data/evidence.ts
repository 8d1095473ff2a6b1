import "server-only";
import type { Db, Tx } from "../db/client";
import { countIndependentOrigins, resolveOrigins, type CitationLink } from "../domain/origins";
import { findConflicts, type ConflictReason } from "../domain/conflicts";
import type { FigureBound, SourceType, Stance } from "../generated/prisma/enums";

const amount = (value: { toNumber(): number } | null) => (value === null ? null : value.toNumber());

export type FigureDto = {
  bound: FigureBound;
  low: number | null;
  high: number | null;
  words: string | null;
  unit: string;
  counted: string;
  cumulative: boolean;
  asOf: string | null;
  asOfEnd: string | null;
  explanation: string | null;
};

export type EvidenceDto = {
  id: string;
  /** Raised by every edit; the edit form sends it back (optimistic locking). */
  revision: number;
  stance: Stance;
  excerpt: string;
  location: string | null;
  attribution: string | null;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
  /** The excerpt's language (the source's unless set), and the desk's translation with its translator. */
  excerptLanguage: string;
  translation: { text: string; by: string | null } | null;
  /** The copy the excerpt was checked against when cited (or on demand), and whether it was found. */
  snapshotCheck: { snapshotId: string; fetchedAt: string; found: boolean } | null;
  source: {
    id: string;
    url: string;
    outlet: string;
    type: SourceType;
    language: string;
    title: string | null;
    publishedAt: string | null;
    archiveUrl: string | null;
    hasSnapshot: boolean;
    reliabilityNote: string | null;
  };
  cites: { id: string; outlet: string; url: string } | null;
  /** Outlets from this source to its origin: ["NYT", "Almaty police"]. */
  citationChain: string[];
  originId: string;
  figure: FigureDto | null;
};

export type EvidenceSummary = {
  items: EvidenceDto[];
  sourceCount: number;
  independentOrigins: number;
  conflicts: ConflictReason[];
};

/** A figure with what it counts, read from its vocabulary entry. */
export const figureSelect = { bound: true, low: true, high: true, words: true, asOf: true, asOfEnd: true, explanation: true, countedThing: { select: { label: true, unit: true, cumulative: true } } } as const;

const evidenceSelect = {
  id: true,
  revision: true,
  sourceId: true,
  citesSourceId: true,
  stance: true,
  excerpt: true,
  location: true,
  attribution: true,
  note: true,
  createdAt: true,
  createdBy: { select: { name: true } },
  excerptLanguage: true,
  translation: true,
  translatedBy: { select: { name: true } },
  excerptCheck: true,
  checkedSnapshot: { select: { id: true, fetchedAt: true } },
  source: {
    select: {
      id: true,
      url: true,
      outlet: true,
      type: true,
      language: true,
      title: true,
      publishedAt: true,
      archiveUrl: true,
      snapshotText: true,
      reliabilityNote: true,
    },
  },
  cites: { select: { id: true, outlet: true, url: true } },
  figure: { select: figureSelect },
} as const;

type FigureRow = {
  bound: FigureBound;
  low: { toNumber(): number } | null;
  high: { toNumber(): number } | null;
  words?: string | null;
  asOf: Date | null;
  asOfEnd: Date | null;
  explanation: string | null;
  countedThing: { label: string; unit: string; cumulative: boolean };
};
/** A figure row as the rule and the screens read it: what it counts comes from the vocabulary entry. */
export const toFigure = ({ countedThing, low, high, asOf, asOfEnd, explanation, words, bound }: FigureRow) => ({
  bound,
  low: amount(low),
  high: amount(high),
  words: words ?? null,
  unit: countedThing.unit,
  counted: countedThing.label,
  cumulative: countedThing.cumulative,
  asOf: asOf?.toISOString() ?? null,
  asOfEnd: asOfEnd?.toISOString() ?? null,
  explanation,
});

/** The conflict rule's view of a claim's evidence; used inside the writing transaction. */
export async function loadConflictInputs(db: Db | Tx, claimId: string) {
  const rows = await db.evidence.findMany({
    where: { claimId },
    select: { stance: true, figure: { select: figureSelect } },
  });
  return rows.map((row) => ({ stance: row.stance, figure: row.figure ? toFigure(row.figure) : null }));
}

/** Everything the claim page shows about the sources: stances, citations, origins, conflicts. */
export async function getClaimEvidence(db: Db | Tx, claimId: string): Promise<EvidenceSummary> {
  const rows = await db.evidence.findMany({ where: { claimId }, orderBy: { createdAt: "asc" }, select: evidenceSelect });
  const links: CitationLink[] = rows.map((row) => ({ sourceId: row.sourceId, citesSourceId: row.citesSourceId }));
  const origins = resolveOrigins(links);
  const outletById = new Map<string, string>();
  for (const row of rows) {
    outletById.set(row.source.id, row.source.outlet);
    if (row.cites) outletById.set(row.cites.id, row.cites.outlet);
  }
  const cites = new Map(links.filter((l) => l.citesSourceId).map((l) => [l.sourceId, l.citesSourceId as string]));

  const items = rows.map((row): EvidenceDto => {
    const { snapshotText, publishedAt, ...source } = row.source;
    const chain = [row.source.id];
    for (let next = cites.get(row.source.id); next && !chain.includes(next); next = cites.get(next)) chain.push(next);
    return {
      id: row.id,
      revision: row.revision,
      stance: row.stance,
      excerpt: row.excerpt,
      location: row.location,
      attribution: row.attribution,
      note: row.note,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy?.name ?? null,
      excerptLanguage: row.excerptLanguage ?? row.source.language,
      translation: row.translation ? { text: row.translation, by: row.translatedBy?.name ?? null } : null,
      snapshotCheck:
        row.checkedSnapshot && row.excerptCheck
          ? { snapshotId: row.checkedSnapshot.id, fetchedAt: row.checkedSnapshot.fetchedAt.toISOString(), found: row.excerptCheck === "FOUND" }
          : null,
      source: { ...source, publishedAt: publishedAt?.toISOString() ?? null, hasSnapshot: Boolean(snapshotText) },
      cites: row.cites,
      citationChain: chain.map((id) => outletById.get(id) ?? "unknown source"),
      originId: origins.get(row.sourceId) ?? row.sourceId,
      figure: row.figure ? toFigure(row.figure) : null,
    };
  });
  return {
    items,
    sourceCount: new Set(rows.map((r) => r.sourceId)).size,
    independentOrigins: countIndependentOrigins(links),
    conflicts: findConflicts(items.map((e) => ({ stance: e.stance, source: e.source.outlet, figure: e.figure }))),
  };
}
