import { z } from "./zod";
import { requiredId, requiredText } from "./claim";

export const COMMENT_MAX = 4000;

export const createCommentSchema = z.object({
  claimId: requiredId("claim"),
  body: requiredText("a comment", COMMENT_MAX),
});
export type CreateCommentInput = z.output<typeof createCommentSchema>;
