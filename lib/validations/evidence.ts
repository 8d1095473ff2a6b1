import { z } from "./zod";
import { SourceType, Stance } from "../generated/prisma/enums";
import { isWebUrl } from "../urls";
import { FIGURE_BOUNDS, isSingleValue, LOWER_BOUNDS, type FigureBound } from "../domain/figures";
import { normalizeCounted } from "./counted-thing";
import { blankToUndefined, checkbox, optionalAmount, optionalDate, optionalId, optionalText, requiredId, requiredText } from "./claim";

export const SOURCE_TYPES = Object.values(SourceType) as [SourceType, ...SourceType[]];
export const STANCES = Object.values(Stance) as [Stance, ...Stance[]];

export const SOURCE_TYPE_LABEL: Record<SourceType, string> = {
  OFFICIAL: "Official body",
  WIRE: "Wire agency",
  NEWS_OUTLET: "News outlet",
  NGO_MONITOR: "NGO / monitor",
  SOCIAL: "Social media",
  EYEWITNESS: "Eyewitness",
  DOCUMENT: "Document",
};

export const STANCE_LABEL: Record<Stance, string> = {
  SUPPORTS: "Supports",
  CONTRADICTS: "Contradicts",
  MIXED: "Mixed",
  CONTEXT: "Context",
};

const URL_MESSAGE = "Enter a web address starting with http:// or https://.";
// The same shape the database CHECK accepts, plus a parse: no javascript:, data:, file:, ftp: ...
const isAcceptedUrl = (value: string) => /^https?:\/\/[^\s]+$/i.test(value) && !value.includes("\u0000") && isWebUrl(value);

export const webUrl = z.string({ error: URL_MESSAGE }).trim().min(1, URL_MESSAGE).max(2000, "That address is too long.").refine(isAcceptedUrl, URL_MESSAGE);
export const optionalWebUrl = z.preprocess(blankToUndefined, webUrl.optional());

const languageCode = z
  .string({ error: "Enter a language code such as en or ru." })
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Enter a language code such as en, ru or kk.");
const language = z.preprocess((value) => blankToUndefined(value) ?? "en", languageCode);

// What the source is: fixed once attached (an edit never moves evidence to another source).
const sourceFields = {
  url: webUrl,
  outlet: requiredText("the outlet", 200),
  type: z.enum(SOURCE_TYPES, { error: "Choose the type of source." }),
  language,
  title: optionalText(300),
  publishedAt: optionalDate,
  archiveUrl: optionalWebUrl,
  snapshotText: optionalText(100_000),
  reliabilityNote: optionalText(2000),
};

// What this source says about the claim: what attaching sets and editing changes.
const statementFields = {
  excerpt: requiredText("the exact excerpt", 5000),
  location: optionalText(300),
  attribution: optionalText(300),
  note: optionalText(2000),
  stance: z.enum(STANCES, { error: "Choose whether the source supports or contradicts the claim." }),
  // The excerpt's language when it is not the source's, and the desk's translation of it.
  excerptLanguage: z.preprocess(blankToUndefined, languageCode.optional()),
  translation: optionalText(5000),
  // The source it cites: an existing one, or a new one by URL and outlet
  citesSourceId: optionalId("cited source"),
  citesUrl: optionalWebUrl,
  citesOutlet: optionalText(200),
  citesType: z.preprocess(blankToUndefined, z.enum(SOURCE_TYPES, { error: "Choose the type of the cited source." }).optional()),
  // The reported figure: what kind (exact, range, the desk's estimate for vague words, or an open
  // bound such as "at least"), one value or both ends of a range, and the source's own words.
  // Left out (callers other than the form): inferred from the fields given, as before bounds existed.
  figureBound: z.preprocess(blankToUndefined, z.enum(FIGURE_BOUNDS, { error: "Choose what kind of figure the source gives." }).optional()),
  figureValue: optionalAmount,
  figureLow: optionalAmount,
  figureHigh: optionalAmount,
  figureWords: optionalText(100),
  // What was counted: a label or synonym from the claim's story vocabulary (the unit comes with it).
  figureCounted: optionalText(200),
  // The moment the count is given for; with an end, the span it covers.
  figureAsOf: optionalDate,
  figureAsOfEnd: optionalDate,
  // Why this running total is lower than an earlier one: an explained fall is not a conflict.
  figureExplanation: optionalText(500),
};

const evidenceFields = z.object({
  claimId: requiredId("claim"),
  ...sourceFields,
  ...statementFields,
  // Fetch the page now and keep a copy (lib/fetcher); off: only what was pasted is kept.
  keepSnapshot: checkbox,
});

export type FigureInput = {
  bound: FigureBound;
  low: number | null;
  high: number | null;
  words: string | null;
  /** Normalised words for what was counted, resolved against the story's vocabulary by the service. */
  counted: string;
  asOf: Date | null;
  asOfEnd: Date | null;
  explanation: string | null;
};
export type CitesInput = { sourceId: string } | { url: string; outlet: string; type: SourceType } | null;

type BoundFields = { figureBound?: FigureBound; figureValue?: number; figureLow?: number; figureHigh?: number; figureWords?: string };
/**
 * The kind chosen (the form always sends one); without one, as before kinds existed: words without
 * an exact value are the desk's estimate, a low or high end makes a range, else an exact value.
 */
function boundOf({ figureBound, figureValue, figureLow, figureHigh, figureWords }: BoundFields): FigureBound {
  if (figureBound) return figureBound;
  if (figureWords && figureValue === undefined) return "ESTIMATE";
  return figureLow !== undefined || figureHigh !== undefined ? "RANGE" : "EXACT";
}

/** The stored ends of a figure: an exact value is both ends, "at least 164" only the low end, "up to 30" only the high end. */
function figureBounds(bound: FigureBound, value: number | undefined, low: number | undefined, high: number | undefined) {
  if (bound === "EXACT") return { bound, low: value ?? null, high: value ?? null };
  if (isSingleValue(bound)) return LOWER_BOUNDS.includes(bound) ? { bound, low: value ?? null, high: null } : { bound, low: null, high: value ?? null };
  return { bound, low: low ?? null, high: high ?? null };
}

type StatementInput = z.output<z.ZodObject<typeof statementFields>> & { language?: string };

/** The translation rule: only an excerpt in another language than English takes one. */
export const TRANSLATION_OF_ENGLISH = "The excerpt is in English: a translation is only for an excerpt in another language. Set the excerpt’s language, or clear the translation.";
export const isEnglish = (language: string) => language.split("-")[0] === "en";

/**
 * The rules on what a source says (cites, translation, figure), the same for attaching and editing.
 * Editing does not send the source's language: the service checks the translation against it.
 */
function checkStatement(input: StatementInput, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (input.citesSourceId && (input.citesUrl || input.citesOutlet)) {
    issue("citesSourceId", "Pick an existing cited source or enter a new one, not both.");
  }
  const excerptLanguage = input.excerptLanguage ?? input.language;
  if (input.translation && excerptLanguage !== undefined && isEnglish(excerptLanguage)) issue("translation", TRANSLATION_OF_ENGLISH);
  if (input.citesUrl && !input.citesOutlet) issue("citesOutlet", "Name the cited source (for example “Almaty police”).");
  if (input.citesOutlet && !input.citesUrl) issue("citesUrl", "Enter the web address of the cited source.");

  const { figureValue: value, figureLow: low, figureHigh: high, figureWords: words } = input;
  const bound = boundOf(input);
  // The kind always arrives (the form's select): it alone does not make a figure.
  const hasFigure = [value, low, high, words, input.figureCounted, input.figureAsOf, input.figureAsOfEnd, input.figureExplanation].some((v) => v !== undefined);
  if (!hasFigure) return;
  if (!input.figureCounted) issue("figureCounted", "Pick what was counted from the story’s vocabulary (for example “deaths”).");
  if (input.figureAsOfEnd && !input.figureAsOf) issue("figureAsOf", "A span needs its start: give the “As of” time too.");
  if (input.figureAsOfEnd && input.figureAsOf && input.figureAsOfEnd <= input.figureAsOf) issue("figureAsOfEnd", "The span must end after it starts.");
  if (isSingleValue(bound)) {
    if (value === undefined) {
      issue("figureValue", bound === "EXACT" ? "Give the exact value." : "Give the number the bound is about (164 in “at least 164”).");
    }
    if (low !== undefined || high !== undefined) {
      issue(low !== undefined ? "figureLow" : "figureHigh", "A single value has no range: clear the range, or choose “Range” as the kind.");
    }
    return;
  }
  if (value !== undefined) issue("figureValue", "A range has two ends: give them as low and high, not as one value.");
  if (bound === "ESTIMATE" && !words) issue("figureWords", "Give the words the source used (for example “dozens”).");
  const reading = bound === "ESTIMATE" && words ? ` you read “${words}” as` : "";
  if (low === undefined) issue("figureLow", `Give the lowest number${reading}.`);
  if (high === undefined) issue("figureHigh", `Give the highest number${reading}.`);
  if (low !== undefined && high !== undefined) {
    if (low > high) issue("figureHigh", "The high end must be at least the low end.");
    else if (bound === "RANGE" && low === high) issue("figureHigh", "Both ends are the same: choose “Exact value” as the kind.");
  }
}

/** Figure and cites as the service reads them, from the form's flat fields. */
function toStatement<T extends StatementInput>(input: T) {
  const { figureBound, figureValue, figureLow, figureHigh, figureWords, figureCounted, figureAsOf, figureAsOfEnd, figureExplanation, citesSourceId, citesUrl, citesOutlet, citesType, ...rest } = input;
  const bound = boundOf({ figureBound, figureValue, figureLow, figureHigh, figureWords });
  const figure: FigureInput | null = figureCounted ? { ...figureBounds(bound, figureValue, figureLow, figureHigh), words: figureWords ?? null, counted: normalizeCounted(figureCounted), asOf: figureAsOf ?? null, asOfEnd: figureAsOfEnd ?? null, explanation: figureExplanation ?? null } : null;
  const cites: CitesInput = citesSourceId
    ? { sourceId: citesSourceId }
    : citesUrl && citesOutlet
      ? { url: citesUrl, outlet: citesOutlet, type: citesType ?? "OFFICIAL" }
      : null;
  return { ...rest, figure, cites };
}

export const attachEvidenceSchema = evidenceFields.superRefine(checkStatement).transform(toStatement);
export type AttachEvidenceInput = z.output<typeof attachEvidenceSchema>;

const revision = z.coerce.number({ error: "Missing revision." }).int().min(1).max(2_147_483_647, "Unknown revision.");

/**
 * Editing what an attached source says (never the source itself): the same fields and rules as
 * attaching, plus the revision the form was opened at, so an edit made meanwhile is not overwritten.
 */
export const editEvidenceSchema = z
  .object({ id: requiredId("evidence"), revision, ...statementFields })
  .superRefine(checkStatement)
  .transform(toStatement);
export type EditEvidenceInput = z.output<typeof editEvidenceSchema>;

export const removeEvidenceSchema = z.object({ id: requiredId("evidence") });
export type RemoveEvidenceInput = z.output<typeof removeEvidenceSchema>;
