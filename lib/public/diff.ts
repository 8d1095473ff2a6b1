import type { PublicClaimContent, PublicSource } from "./types";
import { describeFigure } from "../domain/figures";

// What changed between two published versions of a claim, for readers: word-level text diffs and
// the sources added, removed or changed. Pure.

export type DiffSegment = { op: "same" | "added" | "removed"; text: string };
export type FieldChange = { field: string; segments: DiffSegment[] };
export type SourceChange = { change: "added" | "removed" | "changed"; outlet: string; title: string; url: string; details: string[] };
export type VersionDiff = { fields: FieldChange[]; sources: SourceChange[] };

/** Word-level diff (longest common subsequence over words and the spaces between them). */
export function diffWords(before: string, after: string): DiffSegment[] {
  const a = before.split(/(\s+)/).filter((t) => t !== "");
  const b = after.split(/(\s+)/).filter((t) => t !== "");
  // Long texts would make the table large; past this size the diff is the whole text replaced.
  if (a.length * b.length > 250_000) return merge([{ op: "removed", text: before }, { op: "added", text: after }]);
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ op: "same", text: a[i]! });
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      out.push({ op: "removed", text: a[i]! });
      i++;
    } else {
      out.push({ op: "added", text: b[j]! });
      j++;
    }
  }
  return groupChanges(merge(out));
}

/**
 * Readable changes: a run of changed words (with the spaces between them) becomes one removed
 * block followed by one added block, instead of alternating word by word.
 */
function groupChanges(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed) out.push({ op: "removed", text: removed });
    if (added) out.push({ op: "added", text: added });
    removed = "";
    added = "";
  };
  segments.forEach((s, i) => {
    const between = s.op === "same" && s.text.trim() === "" && (removed || added) && segments[i + 1] && segments[i + 1]!.op !== "same";
    if (s.op === "removed" || between) removed += s.text;
    if (s.op === "added" || between) added += s.text;
    if (s.op === "same" && !between) {
      flush();
      out.push(s);
    }
  });
  flush();
  return merge(out);
}

function merge(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const s of segments) {
    const last = out.at(-1);
    if (last && last.op === s.op) last.text += s.text;
    else if (s.text !== "") out.push({ ...s });
  }
  return out;
}

const figureText = (f: PublicSource["figure"]) => (f ? `${describeFigure(f)}${f.words && f.bound !== "ESTIMATE" ? ` (“${f.words}”)` : ""}` : "none");

function sourceDetails(before: PublicSource, after: PublicSource): string[] {
  const details: string[] = [];
  if (before.stance !== after.stance) details.push(`stance ${before.stance.toLowerCase()} → ${after.stance.toLowerCase()}`);
  if (before.excerpt !== after.excerpt) details.push(`excerpt “${before.excerpt}” → “${after.excerpt}”`);
  if (before.attribution !== after.attribution) details.push(`who speaks: ${before.attribution ?? "not stated"} → ${after.attribution ?? "not stated"}`);
  if (figureText(before.figure) !== figureText(after.figure)) details.push(`figure ${figureText(before.figure)} → ${figureText(after.figure)}`);
  if ((before.cites?.url ?? null) !== (after.cites?.url ?? null)) details.push(`cites ${before.cites?.outlet ?? "nothing"} → ${after.cites?.outlet ?? "nothing"}`);
  if (before.source.title !== after.source.title || before.source.outlet !== after.source.outlet || before.source.publishedAt !== after.source.publishedAt) {
    details.push("source details");
  }
  return details;
}

/** The changes from one published version to the next; empty lists when nothing a reader sees changed. */
export function diffVersions(before: PublicClaimContent, after: PublicClaimContent): VersionDiff {
  const fields: FieldChange[] = [];
  const text = (field: string, a: string | null, b: string | null) => {
    if ((a ?? "") !== (b ?? "")) fields.push({ field, segments: diffWords(a ?? "", b ?? "") });
  };
  text("Claim", before.text, after.text);
  text("Claimant", before.claimant, after.claimant);
  text("Rating", before.verdict.ratingLabel, after.verdict.ratingLabel);
  text("Verdict", before.verdict.reasoning, after.verdict.reasoning);
  text("What we could not establish", before.verdict.evidenceGap, after.verdict.evidenceGap);
  const label = (s: PublicSource) => ({ outlet: s.source.outlet, title: s.source.title ?? s.source.outlet, url: s.source.url });
  const old = new Map(before.sources.map((s) => [s.source.url, s]));
  const now = new Map(after.sources.map((s) => [s.source.url, s]));
  const sources: SourceChange[] = [];
  for (const s of after.sources) {
    const previous = old.get(s.source.url);
    if (!previous) sources.push({ change: "added", ...label(s), details: [] });
    else {
      const details = sourceDetails(previous, s);
      if (details.length > 0) sources.push({ change: "changed", ...label(s), details });
    }
  }
  for (const s of before.sources) if (!now.has(s.source.url)) sources.push({ change: "removed", ...label(s), details: [] });
  return { fields, sources };
}
