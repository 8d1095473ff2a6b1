/**
 * Web addresses. Only http and https are accepted anywhere (no javascript:, data:, file: ...).
 * The normalised form decides whether two attachments are the same source.
 */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0 && !/\s/.test(value.trim());
  } catch {
    return false;
  }
}

// Parameters that say how a reader arrived, not what they read.
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_[a-z]+|igshid|ref|ref_src|cmpid|smid|ocid)$/i;

// "www.", "m." and "amp." name editions of one site: they come off together, as many as leave a
// domain with a dot ("m.m.aa" is "m.aa", never "aa").
const EDITION_PREFIXES = /^(?:(?:www|m|amp)\.)+(?=[^.]+\.)/;

export function normalizeUrl(value: string): string {
  const url = new URL(value.trim());
  url.protocol = "https:";
  url.hostname = url.hostname.toLowerCase().replace(EDITION_PREFIXES, "");
  url.hash = "";
  url.port = url.port === "80" || url.port === "443" ? "" : url.port;
  const kept = [...url.searchParams.entries()].filter(([key]) => !TRACKING.test(key)).sort(([a], [b]) => a.localeCompare(b));
  url.search = new URLSearchParams(kept).toString();
  let pathname = url.pathname.replace(/\/{2,}/g, "/");
  if (pathname.length > 1) pathname = pathname.replace(/\/$/, "");
  url.pathname = pathname;
  return url.toString();
}
