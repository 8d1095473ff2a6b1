import { createHash } from "node:crypto";
import { fetchPage, type FetchOptions } from "./fetch-page";
import { decodeBody, extractMainText } from "./main-text";

export type CapturedPage = {
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  html: string;
  htmlSha256: string;
  mainText: string;
  mainTextSha256: string;
  title: string | null;
};

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** Fetches a page through the safe fetcher and extracts its main text; what a snapshot stores. */
export async function capturePage(url: string, options?: FetchOptions): Promise<CapturedPage> {
  const page = await fetchPage(url, options);
  // PostgreSQL text cannot hold NUL; a page carrying one is stored without it.
  const html = decodeBody(page).replaceAll("\u0000", "");
  const { title, text } = page.status >= 200 && page.status < 300 ? extractMainText(html, page.contentType) : { title: null, text: "" };
  return {
    finalUrl: page.finalUrl,
    status: page.status,
    headers: page.headers,
    html,
    htmlSha256: sha256(html),
    mainText: text,
    mainTextSha256: sha256(text),
    title: title?.slice(0, 300) ?? null,
  };
}
