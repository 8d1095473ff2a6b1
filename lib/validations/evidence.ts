import { z } from "./zod";
import { SourceType, Stance } from "../generated/prisma/enums";
import { isWebUrl } from "../urls";
import { blankToUndefined, optionalAmount, optionalDate, optionalId, optionalText, requiredId, requiredText } from "./claim";

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

const language = z.preprocess(
  (value) => blankToUndefined(value) ?? "en",
  z
    .string({ error: "Enter a language code such as en or ru." })
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Enter a language code such as en, ru or kk."),
);

/** "Police  Killed " -> "police killed": figures are compared per counted thing. */
export const normalizeCounted = (value: string) => value.trim().replace(/\s+/g, " ").toLowerCase();

const evidenceFields = z.object({
  claimId: requiredId("claim"),
  // The source
  url: webUrl,
  outlet: requiredText("the outlet", 200),
  type: z.enum(SOURCE_TYPES, { error: "Choose the type of source." }),
  language,
  title: optionalText(300),
  publishedAt: optionalDate,
  archiveUrl: optionalWebUrl,
  snapshotText: optionalText(100_000),
  reliabilityNote: optionalText(2000),
  // What this source says about the claim
  excerpt: requiredText("the exact excerpt", 5000),
  location: optionalText(300),
  attribution: optionalText(300),
  note: optionalText(2000),
  stance: z.enum(STANCES, { error: "Choose whether the source supports or contradicts the claim." }),
  // The source it cites: an existing one, or a new one by URL and outlet
  citesSourceId: optionalId("cited source"),
  citesUrl: optionalWebUrl,
  citesOutlet: optionalText(200),
  citesType: z.preprocess(blankToUndefined, z.enum(SOURCE_TYPES, { error: "Choose the type of the cited source." }).optional()),
  // The reported figure: an exact value, or a range (required with words like "dozens")
  figureValue: optionalAmount,
  figureLow: optionalAmount,
  figureHigh: optionalAmount,
  figureWords: optionalText(100),
  figureUnit: optionalText(50),
  figureCounted: optionalText(200),
  figureAsOf: optionalDate,
});

export type FigureInput = { low: number; high: number; words: string | null; unit: string; counted: string; asOf: Date | null };
export type CitesInput = { sourceId: string } | { url: string; outlet: string; type: SourceType } | null;

export const attachEvidenceSchema = evidenceFields
  .superRefine((input, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (input.citesSourceId && (input.citesUrl || input.citesOutlet)) {
      issue("citesSourceId", "Pick an existing cited source or enter a new one, not both.");
    }
    if (input.citesUrl && !input.citesOutlet) issue("citesOutlet", "Name the cited source (for example “Almaty police”).");
    if (input.citesOutlet && !input.citesUrl) issue("citesUrl", "Enter the web address of the cited source.");

    const { figureValue: value, figureLow: low, figureHigh: high, figureWords: words } = input;
    const hasFigure = [value, low, high, words, input.figureCounted, input.figureAsOf].some((v) => v !== undefined);
    if (!hasFigure) return;
    if (!input.figureCounted) issue("figureCounted", "Say what was counted (for example “police killed”).");
    if (words) {
      if (value !== undefined) issue("figureValue", `“${words}” is not an exact value: give the range you assign to it instead.`);
      if (low === undefined) issue("figureLow", `Give the lowest number you read “${words}” as.`);
      if (high === undefined) issue("figureHigh", `Give the highest number you read “${words}” as.`);
    } else if (value !== undefined && (low !== undefined || high !== undefined)) {
      issue("figureValue", "Give either an exact value or a range, not both.");
    } else if (value === undefined && (low === undefined || high === undefined)) {
      issue(low === undefined ? "figureLow" : "figureHigh", "Give an exact value, or both ends of the range.");
    }
    if (low !== undefined && high !== undefined && low > high) issue("figureHigh", "The high end must be at least the low end.");
  })
  .transform(({ figureValue, figureLow, figureHigh, figureWords, figureUnit, figureCounted, figureAsOf, citesSourceId, citesUrl, citesOutlet, citesType, ...rest }) => {
    const figure: FigureInput | null = figureCounted
      ? {
          low: figureValue ?? figureLow ?? 0,
          high: figureValue ?? figureHigh ?? 0,
          words: figureWords ?? null,
          unit: figureUnit ?? "people",
          counted: normalizeCounted(figureCounted),
          asOf: figureAsOf ?? null,
        }
      : null;
    const cites: CitesInput = citesSourceId
      ? { sourceId: citesSourceId }
      : citesUrl && citesOutlet
        ? { url: citesUrl, outlet: citesOutlet, type: citesType ?? "OFFICIAL" }
        : null;
    return { ...rest, figure, cites };
  });
export type AttachEvidenceInput = z.output<typeof attachEvidenceSchema>;

export const removeEvidenceSchema = z.object({ id: requiredId("evidence") });
export type RemoveEvidenceInput = z.output<typeof removeEvidenceSchema>;
