import type { SentenceRow } from "@/lib/data/documents";

type Candidate = NonNullable<SentenceRow["candidate"]>;

const REASON_LABEL: Record<Candidate["reasons"][number], string> = {
  figure: "Figure",
  quote: "Quote",
  attribution: "Attributed",
  claimant: "Claimant",
};

/** Why a sentence was proposed, so the fact-checker can judge the suggestion. */
export function ReasonBadges({ candidate }: { candidate: Candidate }) {
  return (
    <span className="row" style={{ gap: "0.35rem" }}>
      {candidate.reasons.map((reason) => (
        <span key={reason} className={reason === "figure" ? "badge badge-warn" : "badge badge-neutral"}>
          {REASON_LABEL[reason]}
          {reason === "figure" && candidate.figures.length > 0 ? `: ${candidate.figures.join(", ")}` : null}
          {reason === "claimant" && candidate.claimant ? `: ${candidate.claimant}` : null}
        </span>
      ))}
    </span>
  );
}
