import http from "node:http";
import type { AddressInfo } from "node:net";

export type Page = { status?: number; type?: string; body?: string; location?: string };

/**
 * A web server on 127.0.0.1 (an ephemeral port) serving pages the test sets and changes, for the
 * fetcher's consumers. The fetcher reaches it only through CLAIMDESK_FETCH_ALLOW_LOOPBACK, which
 * production ignores; nothing leaves the machine.
 */
export async function startPageServer() {
  const pages = new Map<string, Page>();
  const server = http.createServer((req, res) => {
    const page = pages.get(req.url ?? "") ?? { status: 404, body: "not here" };
    const headers: Record<string, string> = { "content-type": page.type ?? "text/html; charset=utf-8" };
    if (page.location) headers.location = page.location;
    res.writeHead(page.status ?? 200, headers).end(page.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    set(path: string, page: Page) {
      pages.set(path, page);
      return `${origin}${path}`;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** An article page whose main text Readability finds: a title, navigation to drop, and the paragraphs. */
export function articleHtml(title: string, paragraphs: string[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></nav>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}</article>
<footer>Contact the newsroom. All rights reserved.</footer></body></html>`;
}
