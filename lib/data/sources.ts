import "server-only";
import { getDb } from "../db";
import type { Db, Tx } from "../db/client";
import { normalizeUrl } from "../urls";

/** The source a URL stands for, if we already have it: two URLs are one source when they normalise alike. */
export async function findSourceByUrl(db: Db | Tx, url: string) {
  return db.source.findUnique({ where: { normalizedUrl: normalizeUrl(url) }, select: { id: true, outlet: true, url: true } });
}

export type SourceOption = { id: string; outlet: string; url: string };

/** Recent sources for the "cites" picker. */
export async function listSourceOptions(take = 300): Promise<SourceOption[]> {
  const db = await getDb();
  return db.source.findMany({ orderBy: [{ outlet: "asc" }, { createdAt: "desc" }], take, select: { id: true, outlet: true, url: true } });
}
