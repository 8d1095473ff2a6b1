import WebAutoExtractor from "@marbec/web-auto-extractor";
import { decodeHTML } from "entities";
import JSON5 from "json5";
import { MAX_IMPORT_CHARS, MAX_IMPORT_ITEMS } from "../validations/claim-review-import";
import { readClaimReview, typeNames, type ExternalClaimReview, type ReviewError } from "./read-review";

/*
 * Importing other fact-checkers' ClaimReview markup, in every shape Google's documentation and
 * schema.org allow: one ClaimReview, an array, an object with "@graph", a Data Commons DataFeed
 * (dataFeedElement[].item[]), ClaimReviews nested in another node (an Article's "review"), JSON
 * Lines (our own /export/claimreviews.jsonl), or an HTML page carrying JSON-LD, microdata or RDFa.
 * JSON that pages write loosely (comments, trailing commas, raw line breaks in strings) is read too.
 * Microdata and RDFa are read by @marbec/web-auto-extractor (maintained, htmlparser2-based, Node
 * 18+). Each ClaimReview found is read on its own (./read-review.ts), so one bad item never blocks
 * its siblings. Pure: no database here.
 */

// ---- The pasted text -------------------------------------------------------------------------

export type { ExternalClaimReview } from "../claim-review/read-review";
export type ItemError = ReviewError;
/** One ClaimReview found: where it was, what it is called (its claim, headline or url) and what became of it. */
export type ParsedItem = { position: string; name: string | null } & ({ ok: true; review: ExternalClaimReview } | { ok: false; errors: ItemError[] });
export type ParsedImport = { format: "json" | "jsonl" | "html"; items: ParsedItem[] } | { problem: string };

// Matched against one opening tag's attributes only (at most MAX_TAG_CHARS), never the page.
const LD_JSON_TYPE = /\btype\s{0,20}=\s{0,20}["']?application\/ld\+json\b/i;
const MAX_TAG_CHARS = 2000;

/**
 * The contents of every <script type="application/ld+json"> block, in one forward scan: a regular
 * expression over the whole page (`<script[^>]*…([\s\S]*?)</script>`) backtracks quadratically on
 * repeated `<script ` with no `>` or no closing tag. Each search here starts where the last ended,
 * and an opening tag with no `>` or no `</script` ends the scan, since nothing after it can close.
 * HTML comments are skipped as a browser skips them: a "<script>" written inside one (a note, a
 * commented-out tag) must not swallow the JSON-LD block that follows it.
 */
export function ldJsonBlocks(html: string): string[] {
  const blocks: string[] = [];
  // Literal patterns (no quantifiers): each search is a linear scan from lastIndex.
  const openTag = /<script/gi;
  const closeTag = /<\/script/gi;
  // The next "<!--" at or after the scan position, found again only once the scan has passed it.
  let nextComment = -1;
  let commentFrom = 0;
  for (;;) {
    const from = openTag.lastIndex;
    const open = openTag.exec(html);
    if (!open) return blocks;
    if (nextComment !== Infinity && nextComment < from) {
      nextComment = html.indexOf("<!--", Math.max(from, commentFrom));
      if (nextComment === -1) nextComment = Infinity;
    }
    if (nextComment < open.index) {
      const commentEnd = html.indexOf("-->", nextComment + 2); // "<!-->" and "<!--->" close at once
      if (commentEnd === -1) return blocks;
      openTag.lastIndex = commentFrom = commentEnd + 3;
      continue;
    }
    const afterName = html.charAt(open.index + 7);
    if (afterName !== ">" && !/\s|\//.test(afterName)) continue; // <scripts>, <scripting>
    const tagEnd = html.indexOf(">", open.index);
    if (tagEnd === -1) return blocks;
    closeTag.lastIndex = tagEnd;
    const close = closeTag.exec(html);
    if (!close) return blocks;
    const attributes = tagEnd - open.index <= MAX_TAG_CHARS ? html.slice(open.index + 7, tagEnd) : "";
    if (LD_JSON_TYPE.test(attributes)) blocks.push(html.slice(tagEnd + 1, close.index));
    const closeEnd = html.indexOf(">", close.index);
    if (closeEnd === -1) return blocks;
    openTag.lastIndex = closeEnd + 1;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const isClaimReview = (value: Record<string, unknown>) =>
  value["@type"] === undefined ? "claimReviewed" in value : typeNames(value["@type"]).includes("ClaimReview");

const MAX_DEPTH = 8;

/**
 * Every ClaimReview node in a JSON value, wherever it sits: the value itself, an array, a "@graph",
 * a DataFeed's dataFeedElement[].item[], or a property of another node. A node that is only
 * {"@id": …} is replaced by the node of that id elsewhere in the same document (Yoast-style graphs
 * name the author once and refer to it).
 */
function collectReviews(value: unknown): Array<Record<string, unknown>> {
  const byId = new Map<string, Record<string, unknown>>();
  const found: Array<Record<string, unknown>> = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, depth + 1));
    if (!isObject(v)) return;
    if (typeof v["@id"] === "string" && Object.keys(v).length > 1 && !byId.has(v["@id"])) byId.set(v["@id"], v);
    if (isClaimReview(v)) found.push(v);
    else for (const child of Object.values(v)) walk(child, depth + 1);
  };
  walk(value, 0);
  return found.map((review) => resolveRefs(review, byId, 0) as Record<string, unknown>);
}

function resolveRefs(value: unknown, byId: Map<string, Record<string, unknown>>, depth: number): unknown {
  if (depth > 4) return value;
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, byId, depth + 1));
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  const target = keys.length === 1 && typeof value["@id"] === "string" ? byId.get(value["@id"]) : undefined;
  const node = target ?? value;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolveRefs(v, byId, depth + 1)]));
}

function readItem(raw: Record<string, unknown>, position: string): ParsedItem {
  const read = readClaimReview(raw);
  return read.ok ? { position, name: read.review.claimReviewed, ok: true, review: read.review } : { position, name: read.name, ok: false, errors: read.errors };
}

/**
 * JSON as publishers write it into pages: strict JSON first; then JSON5, which also reads the
 * comments some CMSs wrap a block in (`//<![CDATA[ … //]]>`), trailing commas and single quotes;
 * then JSON5 with raw line breaks and tabs read as spaces (a newline typed inside a string is not
 * JSON, but it is unambiguous). Nothing is guessed: cut-off or otherwise broken text still fails,
 * with the strict parser's reason.
 */
function tryJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    for (const lenient of [text, text.replace(/[\n\r\t]/g, " ")]) {
      try {
        return { ok: true, value: JSON5.parse(lenient) as unknown };
      } catch {
        // the strict reason below says what is wrong
      }
    }
    return { ok: false, reason: error instanceof Error ? error.message.slice(0, 200) : "not JSON" };
  }
}

/** One block (a line, a script) -> its items, each labelled with where it came from. */
function itemsOf(value: unknown, label: string): ParsedItem[] {
  const reviews = collectReviews(value);
  return reviews.map((raw, i) => readItem(raw, reviews.length > 1 ? `${label}, item ${i + 1}` : label));
}

const notJson = (position: string, path: string, reason: string): ParsedItem => ({ position, name: null, ok: false, errors: [{ path, message: `Not valid JSON: ${reason}` }] });

// Literal, case-insensitive searches (linear): the extractor runs only on a page that could hold a
// microdata or RDFa ClaimReview, so junk of the maximum size never pays for a full HTML parse.
const MENTIONS_CLAIM_REVIEW = /claimreview/i;
const HAS_MARKUP = /itemscope|typeof/i;

// One tag at a time (from "<" to the next "<" or ">", so the scan stays linear), then each attribute
// in it, a quoted value consumed whole so that nothing inside a value is taken for a name.
const TAG = /<[a-zA-Z][^<>]*>/g;
const ATTRIBUTE = /(\s)([^\s"'<>/=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?/g;

/**
 * HTML attribute names are case-insensitive, but the extractor compares them as written: Snopes
 * wrote `itemProp="alternateName"`, and the rating's words were lost. Names are lower-cased before
 * extraction; values are left as they are.
 */
export function lowerCaseAttributeNames(html: string): string {
  return html.replace(TAG, (tag) => tag.replace(ATTRIBUTE, (_match, space: string, name: string, value?: string) => `${space}${name.toLowerCase()}${value ?? ""}`));
}

/** The extractor returns attribute values and text as written in the page: "Hagan&#039;s" is "Hagan's". */
function decodeEntities(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return decodeHTML(value);
  if (depth > MAX_DEPTH * 2) return value;
  if (Array.isArray(value)) return value.map((v) => decodeEntities(v, depth + 1));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeEntities(v, depth + 1)]));
  return value;
}

/** ClaimReviews marked up as microdata or RDFa (JSON-LD blocks are read by ldJsonBlocks, with their own errors). */
function markupItems(html: string): ParsedItem[] {
  if (!MENTIONS_CLAIM_REVIEW.test(html) || !HAS_MARKUP.test(html)) return [];
  let extracted: { microdata?: unknown; rdfa?: unknown };
  try {
    extracted = new WebAutoExtractor({ addLocation: false, embedSource: false }).parse(lowerCaseAttributeNames(html)) as { microdata?: unknown; rdfa?: unknown };
  } catch {
    // The extractor recurses per nesting level: a page nested deeper than the stack allows yields no markup items.
    return [];
  }
  return [
    ...itemsOf(decodeEntities(Object.values(isObject(extracted.microdata) ? extracted.microdata : {})), "Microdata"),
    ...itemsOf(decodeEntities(Object.values(isObject(extracted.rdfa) ? extracted.rdfa : {})), "RDFa"),
  ];
}

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
    const blocks = ldJsonBlocks(text);
    const items = blocks.flatMap((block, i) => {
      const json = tryJson(block.trim());
      const label = `Script block ${i + 1}`;
      return json.ok ? itemsOf(json.value, label) : [notJson(label, "(block)", json.reason)];
    });
    const markup = markupItems(text);
    if (blocks.length === 0 && markup.length === 0) return { problem: "This HTML page has no ClaimReview: no JSON-LD block, and no microdata or RDFa ClaimReview." };
    parsed = { format: "html", items: [...items, ...markup] };
  } else {
    const whole = tryJson(text);
    if (whole.ok) {
      parsed = { format: "json", items: collectReviews(whole.value).map((raw, i) => readItem(raw, `Item ${i + 1}`)) };
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
