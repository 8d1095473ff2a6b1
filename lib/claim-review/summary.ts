/** Google asks for claimReviewed as a short summary of the claim: at most this many characters. */
export const CLAIM_SUMMARY_MAX = 75;

/**
 * The claim as a summary of at most 75 characters: the whole text when it fits, otherwise its
 * first words up to the limit, ending in "…". Never cuts inside a word unless the first word alone
 * is longer than the limit.
 */
export function claimSummary(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if ([...clean].length <= CLAIM_SUMMARY_MAX) return clean;
  const room = [...clean].slice(0, CLAIM_SUMMARY_MAX - 1).join("");
  const cut = room.lastIndexOf(" ");
  const head = (cut > CLAIM_SUMMARY_MAX / 3 ? room.slice(0, cut) : room).replace(/[\s,;:.\u2013\u2014-]+$/u, "");
  return `${head}…`;
}
