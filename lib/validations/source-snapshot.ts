import { z } from "./zod";
import { requiredId } from "./claim";

export const snapshotEvidenceSourceSchema = z.object({ evidenceId: requiredId("evidence") });
export const confirmSourceAlertSchema = z.object({ alertId: requiredId("alert") });
