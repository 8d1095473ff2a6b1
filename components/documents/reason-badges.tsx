import type { SentenceCandidate as Candidate } from "@/lib/data/documents";
import { describeQuantity } from "@/lib/domain/figures";

const REASON_LABEL: Record<Candidate["reasons"][number], string> = {
  figure: "Figure",
  quote: "Quote",
  attribution: "Attributed",
  claimant: "Claimant",
  event: "Reported event",
};

/** Why a sentence was proposed, so the fact-checker can judge the suggestion. */
export function ReasonBadges({ candidate }: { candidate: Candidate }) {
  return (
    <span className="row" style={{ gap: "0.35rem" }}>
      {candidate.reasons.map((reason) => (
        // Figures and claimants can be long: they wrap rather than push the page sideways on a phone.
        <span key={reason} className={reason === "figure" ? "badge badge-warn" : "badge badge-neutral"} style={{ whiteSpace: "normal", overflowWrap: "anywhere" }}>
          {REASON_LABEL[reason]}
          {reason === "figure" && candidate.figures.length > 0
            ? `: ${candidate.figures.map((f) => `${f.bound === "ESTIMATE" ? `“${f.words}”` : describeQuantity(f)} ${f.counted}`).join(", ")}`
            : null}
          {reason === "claimant" && candidate.claimant ? `: ${candidate.claimant}` : null}
        </span>
      ))}
    </span>
  );
}
