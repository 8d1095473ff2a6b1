/** The desk's vocabulary page for a story (null: the vocabulary of claims outside any story). */
export const vocabularyHref = (storySlug: string | null) => `/desk/vocabulary?story=${encodeURIComponent(storySlug ?? "none")}`;
