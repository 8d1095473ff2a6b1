import "server-only";
import { z } from "zod";
import { verifyAuditChain } from "../audit-verify";
import { loadAuditSubjects } from "./audit-subjects";
import { getDb } from "../db";
import { calendarDayText, isBigintId } from "../validations/bounds";
import type { Prisma } from "../generated/prisma/client";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const day = calendarDayText;
const noNul = (v: string) => !v.includes("\u0000");

/** The audit browser's query string; anything malformed is ignored rather than an error page. */
const filtersSchema = z.object({
  entityType: z.preprocess(blank, z.string().trim().max(100).refine(noNul).optional()).catch(undefined),
  entityId: z.preprocess(blank, z.string().trim().max(200).refine(noNul).optional()).catch(undefined),
  actorId: z.preprocess(blank, z.uuid().optional()).catch(undefined),
  from: z.preprocess(blank, day.optional()).catch(undefined),
  to: z.preprocess(blank, day.optional()).catch(undefined),
  before: z.preprocess(blank, z.string().refine(isBigintId).optional()).catch(undefined),
});

export type AuditFilters = z.output<typeof filtersSchema>;

export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return filtersSchema.parse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, first(v)])));
}

const PAGE_SIZE = 50;

/** Newest first, keyset-paginated by id: `before` is the last id of the previous page. */
export async function listAuditEntries(filters: AuditFilters, take = PAGE_SIZE) {
  const db = await getDb();
  const createdAt: Prisma.DateTimeFilter = {};
  if (filters.from) createdAt.gte = new Date(`${filters.from}T00:00:00.000Z`);
  if (filters.to) createdAt.lt = new Date(new Date(`${filters.to}T00:00:00.000Z`).getTime() + 86_400_000);
  const rows = await db.auditLog.findMany({
    where: {
      entityType: filters.entityType,
      entityId: filters.entityId,
      actorId: filters.actorId,
      ...(filters.from || filters.to ? { createdAt } : {}),
      ...(filters.before ? { id: { lt: BigInt(filters.before) } } : {}),
    },
    orderBy: { id: "desc" },
    take: take + 1,
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      createdAt: true,
      actor: { select: { name: true, email: true } },
    },
  });
  const subjects = await loadAuditSubjects(db, rows);
  const page = rows.slice(0, take).map(({ id, actor, ...row }) => ({
    ...row,
    id: id.toString(),
    subject: subjects.get(`${row.entityType}:${row.entityId}`) ?? null,
    actorName: actor?.name ?? operatorName(row.after),
    actorEmail: actor?.email ?? null,
  }));
  return { entries: page, nextBefore: rows.length > take ? (page[page.length - 1]?.id ?? null) : null };
}

/** Rows written by an operator's command (lib/services/operator-users.ts) name it and the OS user. */
function operatorName(after: unknown): string | null {
  const operator = (after as { operator?: { command?: unknown; osUser?: unknown } } | null)?.operator;
  if (typeof operator?.command !== "string" || typeof operator.osUser !== "string") return null;
  return `command line (${operator.command}, OS user ${operator.osUser})`;
}

export type AuditEntryView = Awaited<ReturnType<typeof listAuditEntries>>["entries"][number];

/** Choices for the filter form: entity types present in the log and every desk user (acted or not yet). */
export async function listAuditFacets() {
  const db = await getDb();
  const [types, actors] = await Promise.all([
    db.auditLog.groupBy({ by: ["entityType"], orderBy: { entityType: "asc" } }),
    db.user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, email: true } }),
  ]);
  return { entityTypes: types.map((t) => t.entityType), actors };
}

export async function getAuditChainStatus() {
  const status = await verifyAuditChain(await getDb());
  return status.ok ? status : { ok: false as const, brokenAt: status.brokenAt.toString(), reason: status.reason };
}
