import { z } from "./zod";
import { ClaimantType } from "../generated/prisma/enums";
import { blankToUndefined, entryList, requiredId, requiredText } from "./claim";
import { formObject } from "./form";

export const CLAIMANT_TYPE_LABEL: Record<ClaimantType, string> = { PERSON: "Person", ORGANISATION: "Organisation" };

/** "  Kassym-Jomart   Tokayev " -> "Kassym-Jomart Tokayev": names and aliases are stored this way. */
export const tidyName = (value: string) => value.trim().replace(/\s+/g, " ");

/** Person or organisation; blank is "not chosen" (the claim forms then keep an existing record's type). */
export const optionalClaimantType = z.preprocess(blankToUndefined, z.enum(ClaimantType, "Pick a person or an organisation.").optional());

/** A Wikidata or official page for schema.org sameAs: http(s) only, like the database CHECK. */
const sameAs = z.preprocess(
  blankToUndefined,
  z
    .string({ error: "Enter a web address." })
    .trim()
    .max(500, "Keep the address under 500 characters.")
    .refine((value) => /^https?:\/\/\S+$/i.test(value) && URL.canParse(value), "Enter a full http:// or https:// address, for example a https://www.wikidata.org/wiki/Q… page.")
    .optional(),
);

/** "Tokayev, Tokaev, Токаев" (commas or new lines) -> the distinct aliases. */
const aliases = entryList({ what: "names", one: "alias", many: "aliases" }).transform((words) => [
  ...new Map(words.map(tidyName).filter((word) => word !== "").map((word) => [word.toLowerCase(), word])).values(),
]);

/** The claimant management form (editors and admins). */
export const updateClaimantSchema = formObject({
  id: requiredId("claimant"),
  name: requiredText("the claimant’s name", 200).transform(tidyName),
  type: z.enum(ClaimantType, "Pick a person or an organisation."),
  sameAs,
  aliases,
}).superRefine((input, ctx) => {
  if (input.aliases.some((alias) => alias.toLowerCase() === input.name.toLowerCase())) {
    ctx.addIssue({ code: "custom", path: ["aliases"], message: "The name itself is not an alias: remove it from the list." });
  }
});
export type UpdateClaimantInput = z.output<typeof updateClaimantSchema>;
