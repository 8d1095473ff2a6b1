type Outcome = { snapshotId: string; excerptCheck: "FOUND" | "NOT_FOUND" } | { refused: string } | null;

/** What happened to the copy of the page after attaching a source. */
export function SnapshotOutcome({ snapshot }: { snapshot: Outcome }) {
  if (!snapshot) return null;
  if ("refused" in snapshot) return <> No copy of the page was kept: {snapshot.refused}</>;
  return snapshot.excerptCheck === "FOUND" ? (
    <> A copy of the page was kept, and the excerpt was found in it.</>
  ) : (
    <> A copy of the page was kept, but the excerpt was not found in its text: check the wording.</>
  );
}
