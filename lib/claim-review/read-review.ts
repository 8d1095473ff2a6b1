import { isWebUrl, normalizeUrl } from "../urls";
import { DECEPTIVE_TEXT_MESSAGE, isPlainVisibleText } from "../validations/text";
import { normaliseRating, type NormalisedRating } from "./rating-scale";

/*
 * One ClaimReview node (from JSON-LD, microdata or RDFa, already turned into plain objects) read
 * into what claimdesk keeps. Lenient where schema.org and Google are: an author may be a Person or
 * an Organization given by name or by url, a rating may be a number, a name, an alternateName or
 * plain text, itemReviewed may be a Claim or the older CreativeWork. Only a review with no web
 * address or no claim text is refused. Everything present that has no place in the model is listed
 * in `dropped` with the reason, so nothing is lost silently. Pure.
 */

export type ReviewAuthor = { name: string | null; url: string | null };

export type ExternalClaimReview = {
  url: string;
  /** The review's address normalised (scheme, www., trailing slash, tracking): one review, one key. */
  reviewKey: string;
  claimReviewed: string;
  headline: string | null;
  reviewBody: string | null;
  inLanguage: string | null;
  sameAs: string[];
  organisation: string;
  organisationUrl: string | null;
  organisationSameAs: string[];
  /** People named as authors (journalists), apart from the organisation. */
  authors: ReviewAuthor[];
  /** Dates exactly as the publisher wrote them (offset included). */
  datePublished: string | null;
  dateModified: string | null;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  /** The publisher's own rating words ("" when they gave only numbers or nothing). */
  alternateName: string;
  ratingName: string | null;
  normalisedRating: NormalisedRating;
  ratingBasis: "words" | "numbers" | "none";
  claimant: string | null;
  claimantType: "Person" | "Organization" | null;
  claimantSameAs: string[];
  claimDate: string | null;
  /** The calendar day of the claim as written (not shifted to UTC). */
  claimedAt: Date | null;
  appearances: string[];
  firstAppearanceUrl: string | null;
  itemReviewedUrl: string | null;
  itemReviewedName: string | null;
  dropped: Array<{ path: string; reason: string }>;
};

export type ReviewError = { path: string; message: string };
export type ReadReview = { ok: true; review: ExternalClaimReview } | { ok: false; name: string | null; errors: ReviewError[] };

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
export const typeNames = (value: unknown): string[] =>
  list(value)
    .filter((t): t is string => typeof t === "string")
    .map((t) => t.replace(/^.*[/:#]/, ""));

const fixSurrogates = (value: string) => value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

/** Text from a string, a number or a JSON-LD value object; whitespace collapsed. */
function textOf(value: unknown): string | null {
  const v = isNode(value) && "@value" in value ? value["@value"] : Array.isArray(value) ? value[0] : value;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v !== "string") return null;
  const text = fixSurrogates(v).replace(/\u0000/g, "").replace(/\s+/g, " ").trim();
  return text.length > 0 ? text : null;
}

function urlOf(value: unknown): string | null {
  const candidate = isNode(value) ? (textOf(value.url) ?? textOf(value["@id"])) : textOf(value);
  return candidate && candidate.length <= 2000 && isWebUrl(candidate) ? candidate : null;
}

const urls = (value: unknown) => [...new Set(list(value).flatMap((v) => urlOf(v) ?? []))];

function numberOf(value: unknown): number | null {
  const text = textOf(value);
  if (text === null) return null;
  const n = Number(text.replace(",", "."));
  return Number.isFinite(n) && Math.abs(n) <= 1000 ? n : null;
}

const hostName = (url: string) => new URL(url).hostname.replace(/^www\./, "");

const DATE_START = /^(\d{4})-(\d{2})-(\d{2})/;

/** A date as written, if it is one: "2022-11-30T00:00+01:00", "2020-10-07 20:05", "2017-03-01 20:30:17 UTC". */
function writtenDate(value: unknown): string | null {
  const text = textOf(value);
  if (!text || text.length > 40) return null;
  const match = DATE_START.exec(text);
  if (!match) return Number.isNaN(Date.parse(text)) ? null : text;
  const year = Number(match[1]);
  return year >= 1900 && year <= 2100 ? text : null;
}

/** The calendar day the publisher wrote, at UTC midnight, so an offset never moves it to the day before. */
function calendarDay(written: string | null): Date | null {
  const match = written ? DATE_START.exec(written) : null;
  if (!match) return written ? new Date(new Date(written).toISOString().slice(0, 10)) : null;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(day.getTime()) ? null : day;
}

const KEPT = {
  review: ["@context", "@type", "@id", "url", "claimReviewed", "author", "publisher", "datePublished", "dateModified", "reviewRating", "itemReviewed", "headline", "name", "reviewBody", "description", "inLanguage", "sameAs", "mainEntityOfPage"],
  organisation: ["@context", "@type", "@id", "name", "url", "sameAs"],
  person: ["@context", "@type", "@id", "name", "url"],
  rating: ["@context", "@type", "ratingValue", "bestRating", "worstRating", "alternateName", "name"],
  item: ["@context", "@type", "@id", "author", "datePublished", "appearance", "firstAppearance", "url", "name"],
  claimant: ["@context", "@type", "@id", "name", "sameAs", "url"],
  appearance: ["@context", "@type", "@id", "url"],
};
const NO_PLACE = "claimdesk's model has no place for it";

const isEmpty = (value: unknown) => value === null || value === "" || (Array.isArray(value) && value.every(isEmpty)) || (isNode(value) && Object.values(value).every(isEmpty));

function noteUnkept(node: unknown, kept: string[], path: string, dropped: ExternalClaimReview["dropped"], reason = NO_PLACE) {
  for (const value of list(node)) {
    if (!isNode(value)) continue;
    for (const [key, v] of Object.entries(value)) {
      if (!kept.includes(key) && !isEmpty(v)) dropped.push({ path: path ? `${path}.${key}` : key, reason });
    }
  }
}

type Party = { kind: "Person" | "Organization"; name: string | null; url: string | null; sameAs: string[]; node: unknown };

/** An author or publisher entry: a Person or Organization object, a bare name or a bare url. */
function party(value: unknown): Party | null {
  if (typeof value === "string") {
    const url = urlOf(value);
    return { kind: "Organization", name: url ? null : textOf(value), url, sameAs: [], node: value };
  }
  if (!isNode(value)) return null;
  const kind = typeNames(value["@type"]).includes("Person") ? "Person" : "Organization";
  const name = textOf(value.name);
  const url = urlOf(value.url) ?? urlOf(value["@id"]);
  if (!name && !url) return null;
  return { kind, name, url, sameAs: urls(value.sameAs), node: value };
}

function shortText(value: unknown, label: string, max: number, path: string, dropped: ExternalClaimReview["dropped"]): string | null {
  const text = textOf(value);
  if (text === null) return null;
  if (text.length > max) {
    dropped.push({ path, reason: `${label} is longer than ${max} characters` });
    return null;
  }
  if (!isPlainVisibleText(text)) {
    dropped.push({ path, reason: `${label}: ${DECEPTIVE_TEXT_MESSAGE}` });
    return null;
  }
  return text;
}

/** Reads one ClaimReview node. Never throws. */
export function readClaimReview(node: Node): ReadReview {
  const dropped: ExternalClaimReview["dropped"] = [];
  const errors: ReviewError[] = [];
  const label = textOf(node.claimReviewed) ?? textOf(node.headline) ?? textOf(node.name) ?? textOf(node.url);

  const url = urlOf(node.url) ?? urlOf(node.mainEntityOfPage) ?? urlOf(node["@id"]);
  if (!url) errors.push({ path: "url", message: node.url === undefined ? "The review's url is missing: Google requires it, and it is how a review is recognised when imported again." : "The review's url must be an http:// or https:// address." });

  const claimText = textOf(node.claimReviewed);
  if (!claimText) errors.push({ path: "claimReviewed", message: "The claim reviewed (claimReviewed) is missing or empty: Google requires it, and it becomes the claim's text." });
  else if (claimText.length > 2000) errors.push({ path: "claimReviewed", message: "The claim reviewed (claimReviewed) is longer than 2000 characters." });
  else if (!isPlainVisibleText(claimText)) errors.push({ path: "claimReviewed", message: `The claim reviewed (claimReviewed): ${DECEPTIVE_TEXT_MESSAGE}` });
  if (errors.length > 0 || !url || !claimText) return { ok: false, name: label, errors };

  noteUnkept(node, KEPT.review, "", dropped);

  // Who reviewed: the organisation (author, else publisher, else the review's own site) and the people.
  const authors = list(node.author).map(party).filter((p): p is Party => p !== null);
  const publishers = list(node.publisher).map(party).filter((p): p is Party => p !== null && p.kind === "Organization");
  const org = authors.find((a) => a.kind === "Organization") ?? publishers[0] ?? null;
  const people = authors.filter((a) => a.kind === "Person");
  for (const a of authors) noteUnkept(a.node, a.kind === "Person" ? KEPT.person : KEPT.organisation, "author", dropped);
  if (org && !authors.includes(org)) noteUnkept(org.node, KEPT.organisation, "publisher", dropped);
  const organisation = (org?.name ?? (org?.url ? hostName(org.url) : null) ?? hostName(url)).slice(0, 200);

  // The rating: numbers, words, or plain text; always kept as written beside the mapped value.
  const ratingNode = list(node.reviewRating)[0];
  const rating = isNode(ratingNode) ? ratingNode : {};
  noteUnkept(ratingNode, KEPT.rating, "reviewRating", dropped);
  const rawValue = isNode(ratingNode) ? rating.ratingValue : ratingNode;
  const ratingValue = numberOf(rawValue);
  const valueWords = ratingValue === null ? textOf(rawValue) : null;
  const alternateName = shortText(rating.alternateName, "The rating's alternateName", 500, "reviewRating.alternateName", dropped);
  const ratingName = shortText(rating.name, "The rating's name", 500, "reviewRating.name", dropped);
  const bestRating = numberOf(rating.bestRating);
  const worstRating = numberOf(rating.worstRating);
  const labels = [alternateName, ratingName, valueWords].filter((l): l is string => l !== null);
  const normalised = normaliseRating({ ratingValue, bestRating, worstRating, labels });

  // The claim: who made it, when (as written), and everywhere it appeared.
  const item = list(node.itemReviewed).find(isNode) ?? null;
  if (list(node.itemReviewed).length > 1) dropped.push({ path: "itemReviewed", reason: "only the first item reviewed is kept: a claim on the desk has one claimant" });
  noteUnkept(item, KEPT.item, "itemReviewed", dropped);
  const claimantNode = item ? list(item.author)[0] : undefined;
  const claimant = party(claimantNode);
  noteUnkept(claimantNode, KEPT.claimant, "itemReviewed.author", dropped);
  const itemTypes = item ? typeNames(item["@type"]) : [];
  const itemReviewedUrl = item && !itemTypes.includes("Claim") ? urlOf(item.url) : null;
  const firstAppearanceUrl = item ? urlOf(list(item.firstAppearance)[0]) : null;
  const appearanceNodes = item ? [...list(item.firstAppearance), ...list(item.appearance)] : [];
  for (const a of appearanceNodes) noteUnkept(a, KEPT.appearance, "itemReviewed.appearance", dropped, "only the appearance's address is kept");
  const appearances = [...new Set([...(firstAppearanceUrl ? [firstAppearanceUrl] : []), ...urls(item?.appearance), ...(itemReviewedUrl ? [itemReviewedUrl] : [])])];
  const claimDate = item ? writtenDate(item.datePublished) : null;
  if (item && item.datePublished !== undefined && !isEmpty(item.datePublished) && !claimDate) dropped.push({ path: "itemReviewed.datePublished", reason: "not a date between 1900 and 2100" });
  const claimantName = claimant ? (claimant.name ?? (claimant.url ? hostName(claimant.url) : null)) : typeof claimantNode === "string" ? textOf(claimantNode) : null;
  const claimantOk = claimantName !== null && claimantName.length <= 200 && isPlainVisibleText(claimantName);
  if (claimantName !== null && !claimantOk) dropped.push({ path: "itemReviewed.author.name", reason: "the claimant's name is too long or holds invisible characters" });

  const reviewBody = shortText(node.reviewBody ?? node.description, "The review's body", 20_000, node.reviewBody !== undefined ? "reviewBody" : "description", dropped);
  const datePublished = writtenDate(node.datePublished);
  if (node.datePublished !== undefined && !isEmpty(node.datePublished) && !datePublished) dropped.push({ path: "datePublished", reason: "not a date between 1900 and 2100" });

  return {
    ok: true,
    review: {
      url,
      reviewKey: normalizeUrl(url),
      claimReviewed: claimText,
      headline: shortText(node.headline ?? node.name, "The review's headline", 500, node.headline !== undefined ? "headline" : "name", dropped),
      reviewBody,
      inLanguage: shortText(isNode(node.inLanguage) ? (node.inLanguage.alternateName ?? node.inLanguage.name) : node.inLanguage, "The review's language", 35, "inLanguage", dropped),
      sameAs: urls(node.sameAs),
      organisation,
      organisationUrl: org?.url ?? null,
      organisationSameAs: org?.sameAs ?? [],
      authors: people.map((p) => ({ name: p.name, url: p.url })),
      datePublished,
      dateModified: writtenDate(node.dateModified),
      ratingValue,
      bestRating,
      worstRating,
      alternateName: alternateName ?? ratingName ?? valueWords ?? "",
      ratingName,
      normalisedRating: normalised.rating,
      ratingBasis: normalised.basis,
      claimant: claimantOk ? claimantName : null,
      claimantType: claimant && claimantOk && isNode(claimantNode) && claimantNode["@type"] !== undefined ? claimant.kind : null,
      claimantSameAs: claimant ? [...new Set([...claimant.sameAs, ...(claimant.url && claimant.name ? [claimant.url] : [])])] : [],
      claimDate,
      claimedAt: calendarDay(claimDate),
      appearances,
      firstAppearanceUrl,
      itemReviewedUrl,
      itemReviewedName: item ? shortText(item.name, "The item reviewed's name", 500, "itemReviewed.name", dropped) : null,
      dropped: dedupe(dropped),
    },
  };
}

function dedupe(dropped: ExternalClaimReview["dropped"]) {
  const seen = new Set<string>();
  return dropped.filter((d) => (seen.has(d.path) ? false : (seen.add(d.path), true)));
}
