import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { CLAIM_STATUS_LABEL } from "@/lib/domain/workflow";

const TONE: Record<ClaimStatus, string> = {
  NEW: "badge-neutral",
  RESEARCHING: "badge-warn",
  VERDICT_DRAFTED: "badge-warn",
  IN_REVIEW: "badge-warn",
  PUBLISHED: "badge-ok",
  RETRACTED: "badge-conflict",
};

export function StatusBadge({ status }: { status: ClaimStatus }) {
  return <span className={`badge ${TONE[status]}`}>{CLAIM_STATUS_LABEL[status]}</span>;
}

export function ConflictBadge() {
  return <span className="badge badge-conflict">Conflicting accounts</span>;
}
