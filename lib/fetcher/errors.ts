import type { AddressClass } from "./address";

/** Each way the fetcher refuses or gives up, with a sentence a fact-checker can act on. */
export type FetchRefusal =
  | { code: "DISABLED" }
  | { code: "SCHEME" }
  | { code: "CREDENTIALS" }
  | { code: "DNS"; host: string }
  | { code: "ADDRESS"; host: string; address: string; range: AddressClass }
  | { code: "REDIRECTS"; limit: number }
  | { code: "REDIRECT_LOCATION" }
  | { code: "TIMEOUT"; ms: number }
  | { code: "TOO_LARGE"; bytes: number }
  | { code: "CONTENT_TYPE"; contentType: string }
  | { code: "NETWORK"; detail: string };

export class FetchError extends Error {
  override name = "FetchError";
  constructor(readonly refusal: FetchRefusal) {
    super(describeRefusal(refusal));
  }
  get code() {
    return this.refusal.code;
  }
}

export function describeRefusal(r: FetchRefusal): string {
  switch (r.code) {
    case "DISABLED":
      return "This server does not fetch pages: paste what you need to keep.";
    case "SCHEME":
      return "Only http:// and https:// addresses can be fetched.";
    case "CREDENTIALS":
      return "Addresses with a user name or password in them are not fetched.";
    case "DNS":
      return `The name ${r.host} could not be resolved.`;
    case "ADDRESS":
      return `${r.host} points to a ${r.range} address (${r.address}), which is never fetched: only the public internet is.`;
    case "REDIRECTS":
      return `The page redirected more than ${r.limit} times.`;
    case "REDIRECT_LOCATION":
      return "The page redirected to an address that is not a web page.";
    case "TIMEOUT":
      return `The page did not arrive within ${Math.round(r.ms / 1000)} seconds.`;
    case "TOO_LARGE":
      return `The page is larger than ${Math.round(r.bytes / 1_000_000)} MB, the most we keep.`;
    case "CONTENT_TYPE":
      return `The address serves ${r.contentType || "an unnamed type"}, not a web page or text.`;
    case "NETWORK":
      return `The page could not be fetched (${r.detail}).`;
  }
}
