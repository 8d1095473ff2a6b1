import { createHmac, timingSafeEqual } from "node:crypto";

/*
 * The reader forms' token: when the form was rendered, signed with the app's secret (HMAC-SHA256).
 * It proves the post came from a form we served (not a script posting blind) and how long the
 * reader took: a post sooner than MIN_FILL_SECONDS after the render is refused, like one older
 * than MAX_AGE_SECONDS.
 *
 * The time is the render's own second, not a window: pages that cache their HTML later keep
 * working, because a cached token only looks older than it is (the minimum fill time is then
 * passed more easily, never failed by an honest reader) and stays valid for a day, longer than any
 * cache we would keep a page. A per-hour token would have made the minimum fill time meaningless.
 */
export const MIN_FILL_SECONDS = 3;
export const MAX_AGE_SECONDS = 24 * 60 * 60;

const sign = (secret: string, issued: number) => createHmac("sha256", secret).update(`reader-form:${issued}`).digest("base64url");

export function issueFormToken(secret: string, now = Date.now()): string {
  const issued = Math.floor(now / 1000);
  return `${issued}.${sign(secret, issued)}`;
}

export type TokenCheck = "ok" | "invalid" | "too_fast" | "expired";

export function checkFormToken(secret: string, token: unknown, now = Date.now()): TokenCheck {
  if (typeof token !== "string" || token.length > 100) return "invalid";
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return "invalid";
  const issued = Number(match[1]);
  const expected = Buffer.from(sign(secret, issued));
  const given = Buffer.from(match[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "invalid";
  const age = now / 1000 - issued;
  if (age < MIN_FILL_SECONDS) return "too_fast";
  if (age > MAX_AGE_SECONDS) return "expired";
  return "ok";
}
