import { randomBytes } from "node:crypto";

/** A readable, URL-safe slug from a claim's words: "12 police were killed" -> "12-police-were-killed". */
export function slugify(text: string, maxWords = 8): string {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, maxWords);
  return words.join("-").slice(0, 80).replace(/-+$/, "") || "claim";
}

/** Slugs are public URLs and never reused: a short random suffix keeps them unique. */
export function uniqueSlug(text: string): string {
  return `${slugify(text)}-${randomBytes(3).toString("hex")}`;
}

const SLUG_SHAPE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Whether a string can name a claim at all (the shape a CHECK on claims.slug enforces). Anything
 * else (a NUL byte, 3,000 characters) is "not found" without asking the database or the cache,
 * whose tags are limited to 256 characters.
 */
export function isSlugShaped(slug: string): boolean {
  return slug.length <= 200 && SLUG_SHAPE.test(slug);
}
