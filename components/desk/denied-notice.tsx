/** Shown on a start page after requirePageActor refused a page the role may not open. */
export function DeniedNotice({ denied }: { denied: boolean }) {
  if (!denied) return null;
  return (
    <p className="alert alert-warn" role="status">
      That page needs another role, so you were brought to your start page.
    </p>
  );
}
