import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { FetchedPage } from "./fetch-page";

/**
 * The page's characters: the charset the server declared, else a <meta charset> in the first bytes,
 * else UTF-8. Russian and Kazakh sites still serve windows-1251 and KOI8-R.
 */
export function decodeBody(page: Pick<FetchedPage, "body" | "contentType">): string {
  const declared = /charset=["']?([\w-]+)/i.exec(page.contentType)?.[1];
  const sniffed = /<meta[^>]+charset=["']?([\w-]+)/i.exec(page.body.subarray(0, 4096).toString("latin1"))?.[1];
  for (const label of [declared, sniffed]) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(page.body);
    } catch {
      // An unknown label: try the next source of truth.
    }
  }
  return new TextDecoder("utf-8").decode(page.body);
}

export type MainText = { title: string | null; text: string };

/**
 * The article's main text as Firefox's reader view extracts it (@mozilla/readability over a linkedom
 * DOM; no script runs, nothing is fetched), paragraphs kept as blank-line breaks. Plain text pages
 * and pages Readability cannot read fall back to the body's text.
 */
export function extractMainText(html: string, contentType: string): MainText {
  if (contentType.startsWith("text/plain")) return { title: null, text: tidy(html) };
  const { document } = parseHTML(html);
  const title = document.querySelector("title")?.textContent?.trim() || null;
  const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    const blocks = [...content.querySelectorAll("p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td")]
      .filter((el) => !el.querySelector("p, li, blockquote"))
      .map((el) => tidy(el.textContent ?? ""))
      .filter((t) => t !== "");
    const text = blocks.length > 0 ? blocks.join("\n\n") : tidy(article.textContent ?? "");
    return { title: article.title?.trim() || title, text };
  }
  const { document: fallback } = parseHTML(html);
  fallback.querySelectorAll("script, style, noscript, template").forEach((el) => el.remove());
  return { title, text: tidy(fallback.body?.textContent ?? "") };
}

const tidy = (text: string) =>
  text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
