const absolute = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
  ["week", 4.35],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
];

export function formatAbsolute(date: Date): string {
  return `${absolute.format(date)} UTC`;
}

export function formatRelative(date: Date, now = new Date()): string {
  let amount = (date.getTime() - now.getTime()) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
    amount /= size;
  }
  return absolute.format(date);
}

/** "3 hours ago (7 Jan 2022, 12:00 UTC)": relative for scanning, absolute for the record. */
export function TimeAgo({ date }: { date: Date }) {
  const text = formatAbsolute(date);
  return (
    <span>
      <time dateTime={date.toISOString()} title={text}>
        {formatRelative(date)}
      </time>{" "}
      <span className="muted">({text})</span>
    </span>
  );
}

/** "3 hours ago", with the absolute time as its tooltip: for dense lists. */
export function ShortTimeAgo({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} title={formatAbsolute(date)}>
      {formatRelative(date)}
    </time>
  );
}

export function DateTime({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{formatAbsolute(date)}</time>;
}
