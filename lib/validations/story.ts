import { z } from "./zod";
import { checkbox, optionalDate, optionalText, requiredId, requiredText } from "./claim";

const storyFields = {
  title: requiredText("the story's title", 200),
  summary: z.preprocess((value) => value ?? "", optionalText(2000)),
  startsOn: optionalDate,
};

export const createStorySchema = z.object(storyFields);
export type CreateStoryInput = z.output<typeof createStorySchema>;

export const updateStorySchema = z.object({ id: requiredId("story"), ...storyFields });
export type UpdateStoryInput = z.output<typeof updateStorySchema>;

export const archiveStorySchema = z.object({ id: requiredId("story"), archived: checkbox });
export type ArchiveStoryInput = z.output<typeof archiveStorySchema>;
