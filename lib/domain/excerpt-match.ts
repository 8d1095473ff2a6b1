// Whether a cited excerpt appears in a page's text. Pure. Forgiving where copying from a browser
// changes characters but not meaning: runs of whitespace, typographic quotes, apostrophes and
// dashes, soft hyphens, non-breaking spaces, case and Unicode composition. Nothing else: an
// ellipsis standing for omitted words, or a changed word, is "not found".

const FOLD: Array<[RegExp, string]> = [
  [/[\u00ad\u200b-\u200d\u2060\ufeff]/g, ""],
  [/[\u2018\u2019\u201a\u201b\u2032\u02bc`]/g, "'"],
  [/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, "-"],
  [/\s+/gu, " "],
];

export function foldForMatch(text: string): string {
  let folded = text.normalize("NFKC").toLowerCase();
  for (const [pattern, replacement] of FOLD) folded = folded.replace(pattern, replacement);
  return folded.trim();
}

export function isExcerptInText(excerpt: string, text: string): boolean {
  const needle = foldForMatch(excerpt).replace(/^["']+|["']+$/g, "").trim();
  return needle !== "" && foldForMatch(text).includes(needle);
}
