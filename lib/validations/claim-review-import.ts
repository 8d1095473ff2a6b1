import { z } from "./zod";
import { isWebUrl } from "../urls";

/*
 * Importing other fact-checkers' ClaimReview JSON-LD. The pasted text may be one ClaimReview, an
 * array, an object with "@graph", JSON Lines (our own /export/claimreviews.jsonl) or an HTML page
 * whose <script type="application/ld+json"> blocks carry the markup. Each ClaimReview found is
 * validated on its own, so one bad item never blocks its siblings. Pure: no database here.
 */

export const MAX_IMPORT_CHARS = 2_000_000;
export const MAX_IMPORT_ITEMS = 1000;

export const importClaimReviewsSchema = z.object({
  text: z
    .string({ error: "Paste the ClaimReview JSON-LD, JSON Lines or HTML page." })
    .max(MAX_IMPORT_CHARS, `Paste at most ${(MAX_IMPORT_CHARS / 1_000_000).toFixed(0)} MB of text at a time.`)
    .refine((value) => value.trim().length > 0, "Paste the ClaimReview JSON-LD, JSON Lines or HTML page."),
  storyId: z.preprocess(
    (value) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value),
    z.uuid({ error: "Pick a story from the list." }).optional(),
  ),
});
export type ImportClaimReviewsInput = z.output<typeof importClaimReviewsSchema>;

// ---- One ClaimReview -------------------------------------------------------------------------

const hasNoNul = (value: string) => !value.includes("\u0000");
// A lone surrogate (legal in JSON's \uD800 escapes) would make PostgreSQL refuse the jsonb column.
const fixSurrogates = (value: string) => value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .transform(fixSurrogates)
    .pipe(
      z
        .string()
        .trim()
        .min(1, `${label} is empty.`)
        .max(max, `${label} is longer than ${max} characters.`)
        .refine(hasNoNul, `${label} contains a NUL control character.`),
    );

const webUrl = (label: string) =>
  z
    .string({ error: `${label} must be a web address.` })
    .trim()
    .max(2000, `${label} is longer than 2,000 characters.`)
    .refine((value) => isWebUrl(value) && hasNoNul(value) && value === fixSurrogates(value), `${label} must be an http:// or https:// address.`);

const blankToUndefined = (value: unknown) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value);

/** A date or date-time as published, kept as an ISO string; 1900..2100 like every date we store. */
const dateField = (label: string) =>
  z
    .string({ error: `${label} must be a date such as 2022-01-06.` })
    .trim()
    .max(40, `${label} must be a date such as 2022-01-06.`)
    .transform((value) => new Date(value))
    .pipe(
      z
        .date({ error: `${label} must be a date such as 2022-01-06.` })
        .min(new Date("1900-01-01T00:00:00Z"), `${label} is before 1900.`)
        .max(new Date("2100-12-31T00:00:00Z"), `${label} is after 2100.`),
    );

/** schema.org allows Number or Text: "3" counts as 3. */
const ratingNumber = (label: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : blankToUndefined(value)),
    z.number({ error: `${label} must be a number.` }).min(-1000, `${label} is out of range.`).max(1000, `${label} is out of range.`).optional(),
  );

const typeNames = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((t): t is string => typeof t === "string").map((t) => t.replace(/^.*[/:#]/, ""));

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** An author list picks its organisation; a lone value is itself. */
const pickAuthor = (value: unknown) => (Array.isArray(value) ? (value.find((a) => isObject(a) && typeNames(a["@type"]).includes("Organization")) ?? value[0]) : value);
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const organisationSchema = z.preprocess(
  pickAuthor,
  z
    .object(
      {
        "@type": z.unknown().optional(),
        name: text("The organisation's name", 200),
        url: z.preprocess(blankToUndefined, webUrl("The organisation's url").optional()),
      },
      { error: "The author must be the fact-checking organisation, with its name." },
    )
    .refine((author) => !typeNames(author["@type"]).includes("Person"), "The author must be the fact-checking organisation (an Organization), not a person."),
);

const ratingSchema = z.preprocess(
  first,
  z
    .object(
      {
        ratingValue: ratingNumber("The rating value"),
        bestRating: ratingNumber("The best rating"),
        worstRating: ratingNumber("The worst rating"),
        alternateName: text("The rating's name (alternateName)", 200),
      },
      { error: "The review rating is missing: it needs at least its name (alternateName)." },
    )
    .superRefine((rating, ctx) => {
      const { ratingValue: value, bestRating: best, worstRating: worst } = rating;
      if (value === undefined || best === undefined || worst === undefined) return;
      if (value < Math.min(best, worst) || value > Math.max(best, worst)) {
        ctx.addIssue({ code: "custom", path: ["ratingValue"], message: `The rating value ${value} is outside its scale (${worst} to ${best}).` });
      }
    }),
);

/** An appearance is a CreativeWork with a url, or just the url. */
const appearanceSchema = z.preprocess(
  (value) => (typeof value === "string" ? { url: value } : value),
  z.object({ url: z.preprocess(blankToUndefined, webUrl("The appearance's url").optional()) }, { error: "An appearance must be a CreativeWork or a url." }),
);

const claimSchema = z.object(
  {
    author: z.preprocess(
      first,
      z.object({ name: z.preprocess(blankToUndefined, text("The claimant's name", 200).optional()) }, { error: "The claim's author must be a Person or Organization." }).optional(),
    ),
    datePublished: z.preprocess(blankToUndefined, dateField("The claim's date").optional()),
    appearance: z.preprocess(
      (value) => (value === undefined || value === null ? undefined : Array.isArray(value) ? value : [value]),
      z.array(appearanceSchema).max(200, "At most 200 appearances.").optional(),
    ),
    firstAppearance: z.preprocess(blankToUndefined, appearanceSchema.optional()),
  },
  { error: "The reviewed item must be a Claim." },
);

const claimReviewObject = z.object({
  url: webUrl("The review's url"),
  claimReviewed: text("The claim reviewed (claimReviewed)", 2000),
  author: organisationSchema,
  datePublished: z.preprocess(blankToUndefined, dateField("The review's date").optional()),
  reviewRating: ratingSchema,
  itemReviewed: z.preprocess((value) => first(blankToUndefined(value)), claimSchema.optional()),
});

/** What the importer keeps of one ClaimReview. */
export type ExternalClaimReview = {
  url: string;
  claimReviewed: string;
  organisation: string;
  organisationUrl: string | null;
  datePublished: string | null;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  alternateName: string;
  claimant: string | null;
  claimedAt: Date | null;
  appearanceUrl: string | null;
};

export const claimReviewSchema = claimReviewObject.transform((review): ExternalClaimReview => {
  const claim = review.itemReviewed;
  const appearanceUrl = claim?.firstAppearance?.url ?? claim?.appearance?.find((a) => a.url)?.url ?? null;
  return {
    url: review.url,
    claimReviewed: review.claimReviewed,
    organisation: review.author.name,
    organisationUrl: review.author.url ?? null,
    datePublished: review.datePublished?.toISOString() ?? null,
    ratingValue: review.reviewRating.ratingValue ?? null,
    bestRating: review.reviewRating.bestRating ?? null,
    worstRating: review.reviewRating.worstRating ?? null,
    alternateName: review.reviewRating.alternateName,
    claimant: claim?.author?.name ?? null,
    claimedAt: claim?.datePublished ?? null,
    appearanceUrl,
  };
});

// ---- The pasted text -------------------------------------------------------------------------

export type ItemError = { path: string; message: string };
export type ParsedItem = { position: string } & ({ ok: true; review: ExternalClaimReview } | { ok: false; errors: ItemError[] });
export type ParsedImport = { format: "json" | "jsonl" | "html"; items: ParsedItem[] } | { problem: string };

const LD_JSON_SCRIPT = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;

const isClaimReview = (value: Record<string, unknown>) =>
  value["@type"] === undefined ? "claimReviewed" in value : typeNames(value["@type"]).includes("ClaimReview");

/** ClaimReview nodes in a JSON value: itself, an array's elements, or a "@graph" (nested up to 3 deep). */
function collectReviews(value: unknown, depth = 0): unknown[] {
  if (depth > 3) return [];
  if (Array.isArray(value)) return value.flatMap((v) => collectReviews(v, depth + 1));
  if (!isObject(value)) return [];
  if (isClaimReview(value)) return [value];
  return Array.isArray(value["@graph"]) ? collectReviews(value["@graph"], depth + 1) : [];
}

function validate(raw: unknown, position: string): ParsedItem {
  const result = claimReviewSchema.safeParse(raw);
  if (result.success) return { position, ok: true, review: result.data };
  const errors = result.error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "(item)", message: issue.message }));
  return { position, ok: false, errors };
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message.slice(0, 200) : "not JSON" };
  }
}

/** One block (a line, a script) -> its items, each labelled with where it came from. */
function itemsOf(value: unknown, label: string): ParsedItem[] {
  const reviews = collectReviews(value);
  return reviews.map((raw, i) => validate(raw, reviews.length > 1 ? `${label}, item ${i + 1}` : label));
}

const notJson = (position: string, path: string, reason: string): ParsedItem => ({ position, ok: false, errors: [{ path, message: `Not valid JSON: ${reason}` }] });

/**
 * Finds and validates every ClaimReview in pasted text. Returns `problem` when the text as a whole
 * cannot be read (not JSON, JSON Lines or HTML with JSON-LD; no ClaimReview; too many items).
 * Never throws.
 */
export function parseClaimReviews(input: string): ParsedImport {
  const text = input.replace(/^\uFEFF/, "").trim();
  if (text.length === 0) return { problem: "Paste the ClaimReview JSON-LD, JSON Lines or HTML page." };
  if (text.length > MAX_IMPORT_CHARS) return { problem: `Paste at most ${MAX_IMPORT_CHARS / 1_000_000} MB of text at a time.` };

  let parsed: { format: "json" | "jsonl" | "html"; items: ParsedItem[] };
  if (text.startsWith("<")) {
    const blocks = [...text.matchAll(LD_JSON_SCRIPT)].map((m) => m[1] ?? "");
    if (blocks.length === 0) return { problem: 'This HTML page has no <script type="application/ld+json"> block.' };
    const items = blocks.flatMap((block, i) => {
      const json = tryJson(block.trim());
      const label = `Script block ${i + 1}`;
      return json.ok ? itemsOf(json.value, label) : [notJson(label, "(block)", json.reason)];
    });
    parsed = { format: "html", items };
  } else {
    const whole = tryJson(text);
    if (whole.ok) {
      parsed = { format: "json", items: collectReviews(whole.value).map((raw, i) => validate(raw, `Item ${i + 1}`)) };
    } else {
      const lines = text.split(/\r?\n/).map((line, i) => ({ line: line.trim(), number: i + 1 })).filter((l) => l.line.length > 0);
      const read = lines.map(({ line, number }) => ({ number, json: tryJson(line) }));
      // Pretty-printed JSON with a typo is not JSON Lines: a JSON Lines text has objects on its lines.
      if (lines.length < 2 || !read.some((r) => r.json.ok && typeof r.json.value === "object" && r.json.value !== null)) {
        return { problem: `This is not JSON, JSON Lines or an HTML page with JSON-LD (${whole.reason}).` };
      }
      const items = read.flatMap(({ number, json }) =>
        json.ok ? itemsOf(json.value, `Line ${number}`) : [notJson(`Line ${number}`, "(line)", json.reason)],
      );
      parsed = { format: "jsonl", items };
    }
  }
  if (parsed.items.length === 0) return { problem: 'No ClaimReview found: the JSON-LD needs "@type": "ClaimReview" items.' };
  if (parsed.items.length > MAX_IMPORT_ITEMS) {
    return { problem: `Found ${parsed.items.length} items: import at most ${MAX_IMPORT_ITEMS} at a time.` };
  }
  return parsed;
}
