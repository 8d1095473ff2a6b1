import "server-only";
import type { Db, Tx } from "../db/client";
import { countIndependentOrigins, resolveOrigins, type CitationLink } from "../domain/origins";
import { findConflicts, type ConflictReason } from "../domain/conflicts";
import type { SourceType, Stance } from "../generated/prisma/enums";

export type FigureDto = {
  low: number;
  high: number;
  words: string | null;
  unit: string;
  counted: string;
  asOf: string | null;
};

export type EvidenceDto = {
  id: string;
  stance: Stance;
  excerpt: string;
  location: string | null;
  attribution: string | null;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
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

const evidenceSelect = {
  id: true,
  sourceId: true,
  citesSourceId: true,
  stance: true,
  excerpt: true,
  location: true,
  attribution: true,
  note: true,
  createdAt: true,
  createdBy: { select: { name: true } },
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
  figure: { select: { low: true, high: true, words: true, unit: true, counted: true, asOf: true } },
} as const;

/** The conflict rule's view of a claim's evidence; used inside the writing transaction. */
export async function loadConflictInputs(db: Db | Tx, claimId: string) {
  const rows = await db.evidence.findMany({
    where: { claimId },
    select: { stance: true, figure: { select: { low: true, high: true, counted: true } } },
  });
  return rows.map((row) => ({
    stance: row.stance,
    figure: row.figure ? { low: row.figure.low.toNumber(), high: row.figure.high.toNumber(), counted: row.figure.counted } : null,
  }));
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
      stance: row.stance,
      excerpt: row.excerpt,
      location: row.location,
      attribution: row.attribution,
      note: row.note,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy?.name ?? null,
      source: { ...source, publishedAt: publishedAt?.toISOString() ?? null, hasSnapshot: Boolean(snapshotText) },
      cites: row.cites,
      citationChain: chain.map((id) => outletById.get(id) ?? "unknown source"),
      originId: origins.get(row.sourceId) ?? row.sourceId,
      figure: row.figure
        ? {
            low: row.figure.low.toNumber(),
            high: row.figure.high.toNumber(),
            words: row.figure.words,
            unit: row.figure.unit,
            counted: row.figure.counted,
            asOf: row.figure.asOf?.toISOString() ?? null,
          }
        : null,
    };
  });
  return {
    items,
    sourceCount: new Set(rows.map((r) => r.sourceId)).size,
    independentOrigins: countIndependentOrigins(links),
    conflicts: findConflicts(items.map((e) => ({ stance: e.stance, figure: e.figure }))),
  };
}
