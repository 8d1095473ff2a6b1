import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { z } from "zod";
import { createClaimSchema } from "../../lib/validations/claim";
import { createUserSchema } from "../../lib/validations/user";
import { importDocumentSchema } from "../../lib/validations/document";
import { attachEvidenceSchema } from "../../lib/validations/evidence";
import { DECEPTIVE_TEXT_MESSAGE } from "../../lib/validations/text";

/*
 * Class: text that displays differently from what is stored (bidirectional overrides and isolates,
 * zero-width characters). Every short text field that people read as a name, a claim or a title
 * refuses them with a field error, and real text in Arabic, Hebrew, Persian, Cyrillic and Kazakh
 * (which needs none of them, or only joiners inside a word) is accepted.
 */

const REFUSED = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200B", "\u2060", "\uFEFF", "\u180E"];

// Letters of real scripts (and spaces, digits, punctuation), never a control.
const ALPHABETS = {
  arabic: "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
  hebrew: "אבגדהוזחטיכלמנסעפצקרשת",
  cyrillic: "абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ",
  kazakh: "әғқңөұүһіӘҒҚҢӨҰҮҺІ",
  latin: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
};
const realText = fc
  .constantFrom(...Object.values(ALPHABETS))
  .chain((alphabet) => fc.array(fc.constantFrom(...alphabet, " ", " ", "1", "2", ",", "«", "»", "-"), { minLength: 3, maxLength: 60 }))
  .map((chars) => `${chars.join("").trim()}x`.trim());

type Field = { name: string; parse: (value: string) => z.ZodSafeParseResult<unknown>; path: string };
const FIELDS: Field[] = [
  { name: "claim text", path: "text", parse: (v) => createClaimSchema.safeParse({ text: v, claimant: "Almaty police", kind: "EVENT" }) },
  { name: "claimant", path: "claimant", parse: (v) => createClaimSchema.safeParse({ text: "12 police were killed", claimant: v, kind: "EVENT" }) },
  { name: "user name", path: "name", parse: (v) => createUserSchema.safeParse({ email: "a@b.test", name: v, role: "EDITOR", password: "a long enough password" }) },
  { name: "document title", path: "title", parse: (v) => importDocumentSchema.safeParse({ title: v, outlet: "Wire", text: "Some text. More text." }) },
  { name: "source outlet", path: "outlet", parse: (v) => attachEvidenceSchema.safeParse({ outlet: v }) },
];

const fieldErrors = (result: z.ZodSafeParseResult<unknown>) => (result.success ? {} : (z.flattenError(result.error).fieldErrors as Record<string, string[] | undefined>));

test("real Arabic, Hebrew, Cyrillic, Kazakh and Latin text is accepted in every field", () => {
  fc.assert(
    fc.property(realText, fc.constantFrom(...FIELDS), (text, field) => {
      assert.equal(fieldErrors(field.parse(text))[field.path], undefined, `${field.name}: ${JSON.stringify(text)}`);
    }),
    { numRuns: 400 },
  );
  // Joiners inside a Persian or Indic word, and emoji sequences, are real text too.
  for (const text of ["می‌خواهم", "क्‍ष", "👨‍👩‍👧 family", "Алматы полициясы", "שלום עולם", "مرحبا بالعالم"]) {
    for (const field of FIELDS) assert.equal(fieldErrors(field.parse(text))[field.path], undefined, `${field.name}: ${text}`);
  }
});

test("a bidi control or zero-width character anywhere is refused with a field error", () => {
  fc.assert(
    fc.property(realText, fc.constantFrom(...REFUSED), fc.nat(), fc.constantFrom(...FIELDS), (text, control, at, field) => {
      const position = 1 + (at % (text.length - 1)); // inside, so trimming cannot remove it
      const tampered = text.slice(0, position) + control + text.slice(position);
      const errors = fieldErrors(field.parse(tampered))[field.path] ?? [];
      assert.ok(errors.some((e) => e.includes(DECEPTIVE_TEXT_MESSAGE)), `${field.name}: U+${control.codePointAt(0)!.toString(16)} in ${JSON.stringify(text)}: ${errors.join("; ")}`);
    }),
    { numRuns: 400 },
  );
});

test("a joiner between Latin, Cyrillic or Hebrew letters (a look-alike) is refused", () => {
  for (const text of ["ad\u200Dmin", "ad\u200Cmin", "Ал\u200Dматы", "של\u200Cום", "\u200Dadmin"]) {
    for (const field of FIELDS) assert.ok(fieldErrors(field.parse(text))[field.path]?.length, `${field.name}: ${JSON.stringify(text)}`);
  }
});
