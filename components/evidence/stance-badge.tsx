import type { Stance } from "@/lib/generated/prisma/enums";
import { STANCE_LABEL } from "@/lib/validations/evidence";

const TONE: Record<Stance, string> = { SUPPORTS: "badge-ok", CONTRADICTS: "badge-conflict", MIXED: "badge-warn", CONTEXT: "badge-neutral" };

export function StanceBadge({ stance }: { stance: Stance }) {
  return <span className={`badge ${TONE[stance]}`}>{STANCE_LABEL[stance]}</span>;
}
