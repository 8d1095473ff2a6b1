import { z } from "./zod";
import { blankToUndefined, entryList, optionalId, requiredId, requiredText } from "./claim";
import { formObject } from "./form";

/** "  People  Killed " -> "people killed": labels and synonyms are stored and compared this way. */
export const normalizeCounted = (value: string) => value.trim().replace(/\s+/g, " ").toLowerCase();

// As long as the words a figure form may send for it (figureCounted).
const label = requiredText("what was counted (for example “deaths”)", 200).transform(normalizeCounted);

/** "people killed, fatalities" (commas or new lines) -> ["people killed", "fatalities"], without repeats. */
const synonyms = entryList({ what: "words", one: "synonym", many: "synonyms" }).transform((words) => [
  ...new Set(words.map(normalizeCounted).filter((word) => word !== "")),
]);

/** A checkbox: present ("on") means yes; a script may send a boolean. */
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

const fields = {
  label,
  unit: z.preprocess((value) => blankToUndefined(value) ?? "people", requiredText("the unit (for example “people”)", 50).transform(normalizeCounted)),
  cumulative: checkbox,
  synonyms,
};

const noSelfSynonym = (input: { label: string; synonyms: string[] }, ctx: z.RefinementCtx) => {
  if (input.synonyms.includes(input.label)) ctx.addIssue({ code: "custom", path: ["synonyms"], message: "The label itself is not a synonym: remove it from the list." });
};

/** A new entry in a story's vocabulary (no story: the vocabulary of claims outside any story). */
export const createCountedThingSchema = formObject({ storyId: optionalId("story"), ...fields }).superRefine(noSelfSynonym);
export type CreateCountedThingInput = z.output<typeof createCountedThingSchema>;

export const updateCountedThingSchema = formObject({ id: requiredId("counted thing"), ...fields }).superRefine(noSelfSynonym);
export type UpdateCountedThingInput = z.output<typeof updateCountedThingSchema>;

/** Folds one entry into another of the same story and unit: its figures move, its words become synonyms. */
export const mergeCountedThingsSchema = formObject({ id: requiredId("counted thing"), intoId: requiredId("counted thing to merge into") }).superRefine((input, ctx) => {
  if (input.id === input.intoId) ctx.addIssue({ code: "custom", path: ["intoId"], message: "Choose another entry to merge into." });
});
export type MergeCountedThingsInput = z.output<typeof mergeCountedThingsSchema>;
