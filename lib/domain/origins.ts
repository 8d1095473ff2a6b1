/** An evidence's source and the source it cites, if any. */
export type CitationLink = { sourceId: string; citesSourceId: string | null };

/**
 * Follows each source's citations to the source nothing further is cited for: its origin.
 * "NYT reported" and "the Guardian said", both citing the Almaty police, share one origin.
 * Cycles (A cites B, B cites A) end at the first source seen twice.
 */
export function resolveOrigins(links: CitationLink[]): Map<string, string> {
  const cites = new Map<string, string>();
  for (const { sourceId, citesSourceId } of links) {
    if (citesSourceId && !cites.has(sourceId)) cites.set(sourceId, citesSourceId);
  }
  const origins = new Map<string, string>();
  for (const { sourceId } of links) {
    const seen = new Set<string>([sourceId]);
    let current = sourceId;
    for (let next = cites.get(current); next && !seen.has(next); next = cites.get(current)) {
      seen.add(next);
      current = next;
    }
    origins.set(sourceId, current);
  }
  return origins;
}

export function countIndependentOrigins(links: CitationLink[]): number {
  return new Set(resolveOrigins(links).values()).size;
}
