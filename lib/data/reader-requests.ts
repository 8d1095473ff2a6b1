import "server-only";
import { getDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { ReaderQueueFilters } from "../validations/reader-request";

/*
 * Reads of readers' requests. The desk's DTOs say whether a reader left an e-mail address, never
 * the address: nobody on the desk needs it (the notice is sent by the app), so it is selected
 * only to compute that flag.
 */
const requestSelect = {
  id: true,
  reference: true,
  kind: true,
  status: true,
  text: true,
  seenAt: true,
  pagePath: true,
  submissions: true,
  createdAt: true,
  closedAt: true,
  closeReason: true,
  closeNote: true,
  notice: true,
  email: true,
  assigneeId: true,
  assignee: { select: { name: true } },
  claim: { select: { slug: true, text: true } },
  publication: { select: { version: true, kind: true } },
} satisfies Prisma.ReaderRequestSelect;

type Row = Prisma.ReaderRequestGetPayload<{ select: typeof requestSelect }>;

function toDto({ email, ...row }: Row) {
  return { ...row, hasEmail: email !== null };
}
export type ReaderRequestDto = ReturnType<typeof toDto>;

export async function listReaderRequests(filters: ReaderQueueFilters, actorId: string): Promise<ReaderRequestDto[]> {
  const db = await getDb();
  const rows = await db.readerRequest.findMany({
    where: {
      ...(filters.status === "ALL" ? {} : { status: filters.status }),
      ...(filters.kind ? { kind: filters.kind } : {}),
      ...(filters.mine ? { assigneeId: actorId } : filters.unassigned ? { assigneeId: null } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: requestSelect,
  });
  return rows.map(toDto);
}

export async function getReaderRequest(id: string): Promise<ReaderRequestDto | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const db = await getDb();
  const row = await db.readerRequest.findUnique({ where: { id }, select: requestSelect });
  return row ? toDto(row) : null;
}

/** Open requests tied to one claim, for its desk page. */
export async function listOpenRequestsForClaim(claimId: string): Promise<ReaderRequestDto[]> {
  const db = await getDb();
  const rows = await db.readerRequest.findMany({ where: { claimId, status: "OPEN" }, orderBy: { createdAt: "asc" }, select: requestSelect });
  return rows.map(toDto);
}

/** The desk start page's counts: open requests by kind, and those nobody has taken. */
export async function countOpenReaderRequests(): Promise<{ suggestions: number; corrections: number; unassigned: number }> {
  const db = await getDb();
  const [suggestions, corrections, unassigned] = await Promise.all([
    db.readerRequest.count({ where: { status: "OPEN", kind: "SUGGESTION" } }),
    db.readerRequest.count({ where: { status: "OPEN", kind: "CORRECTION" } }),
    db.readerRequest.count({ where: { status: "OPEN", assigneeId: null } }),
  ]);
  return { suggestions, corrections, unassigned };
}

export type MonthlyReaderCounts = { month: string; received: number; acted: number; declined: number };

/**
 * The public monthly counts, for the last twelve completed months (UTC): requests received (a
 * repeated request counts once), and requests closed that month as acted on or declined. A month
 * is published only once it is over, and every figure is fixed by then (received by arrival time,
 * closed by closing time), so nothing the desk does today moves a published number.
 */
export async function listMonthlyReaderCounts(): Promise<MonthlyReaderCounts[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<MonthlyReaderCounts[]>`
    WITH months AS (
      SELECT m AT TIME ZONE 'UTC' AS start, (m + interval '1 month') AT TIME ZONE 'UTC' AS finish, to_char(m, 'YYYY-MM') AS month
      FROM generate_series(date_trunc('month', now() AT TIME ZONE 'UTC') - interval '12 months',
                           date_trunc('month', now() AT TIME ZONE 'UTC') - interval '1 month', interval '1 month') AS m
    )
    SELECT months.month,
      (SELECT count(*) FROM reader_requests r WHERE r.created_at >= months.start AND r.created_at < months.finish)::int AS received,
      (SELECT count(*) FROM reader_requests r WHERE r.status = 'ACTED' AND r.closed_at >= months.start AND r.closed_at < months.finish)::int AS acted,
      (SELECT count(*) FROM reader_requests r WHERE r.status = 'DECLINED' AND r.closed_at >= months.start AND r.closed_at < months.finish)::int AS declined
    FROM months ORDER BY months.month DESC`;
  return rows.filter((r) => r.received + r.acted + r.declined > 0);
}
