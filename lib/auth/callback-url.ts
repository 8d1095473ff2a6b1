// Where to go after signing in. Only a path on this site: never an absolute URL, a
// protocol-relative `//host`, a backslash form (`/\host`, which browsers read as `//host`) or a
// path that resolves to one of those (`/.//host`, tabs and newlines stripped by the URL parser).
const BASE = "http://claimdesk.invalid";

export const DEFAULT_CALLBACK_PATH = "/desk";

export function safeCallbackPath(value: unknown, fallback: string = DEFAULT_CALLBACK_PATH): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * next-auth's redirect callback: a relative path stays on this site (checked as above); an
 * absolute URL is kept only when it is this site's own origin; anything else goes home.
 */
export function safeRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const base = new URL(baseUrl);
  const root = baseUrl.replace(/\/$/, "");
  if (url.startsWith("/")) {
    const path = safeCallbackPath(url, "");
    return path ? `${root}${path}` : root;
  }
  try {
    const target = new URL(url);
    if (target.origin === base.origin) {
      const path = safeCallbackPath(`${target.pathname}${target.search}${target.hash}`, "");
      return path ? `${root}${path}` : root;
    }
  } catch {
    // not a URL: fall through
  }
  return root;
}
