import type { EvidenceDto } from "@/lib/data/evidence";
import { isSingleValue, LOWER_BOUNDS } from "@/lib/domain/figures";
import type { Values } from "./statement-fields";

const toInputDate = (iso: string | null) => (iso ? iso.slice(0, 16) : undefined);
const amount = (n: number | null) => (n === null ? undefined : String(n));

/** The edit form's initial values: what the evidence says now, in the attach form's field names. */
export function editValuesOf(evidence: EvidenceDto): Values {
  const f = evidence.figure;
  const single = f && isSingleValue(f.bound);
  return {
    excerpt: evidence.excerpt,
    attribution: evidence.attribution ?? undefined,
    stance: evidence.stance,
    location: evidence.location ?? undefined,
    note: evidence.note ?? undefined,
    excerptLanguage: evidence.excerptLanguage === evidence.source.language ? undefined : evidence.excerptLanguage,
    translation: evidence.translation?.text,
    ...(f
      ? {
          figureBound: f.bound,
          figureValue: single ? amount(f.bound === "EXACT" || LOWER_BOUNDS.includes(f.bound) ? f.low : f.high) : undefined,
          figureLow: single ? undefined : amount(f.low),
          figureHigh: single ? undefined : amount(f.high),
          figureWords: f.words ?? undefined,
          figureCounted: f.counted,
          figureAsOf: toInputDate(f.asOf),
          figureAsOfEnd: toInputDate(f.asOfEnd),
          figureExplanation: f.explanation ?? undefined,
        }
      : {}),
  };
}

