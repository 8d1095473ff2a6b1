/** The excerpt in its own language (lang set for screen readers and hyphenation), then the desk's translation. */
export function ExcerptWithTranslation(props: { excerpt: string; language: string; translation: { text: string; by: string | null } | null }) {
  return (
    <>
      <blockquote lang={props.language}>{props.excerpt}</blockquote>
      {props.translation ? (
        <p className="translation">
          <span className="muted">Our translation{props.translation.by ? ` (${props.translation.by})` : ""}: </span>
          <span lang="en">{props.translation.text}</span>
        </p>
      ) : null}
    </>
  );
}
