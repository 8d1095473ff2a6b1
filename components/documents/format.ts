/** "6 Jan 2022" for an ISO date (UTC, so a calendar day stays the same day everywhere). */
export function formatDay(iso: string | null): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}
