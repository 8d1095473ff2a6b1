import { z } from "./zod";

/**
 * Anything that is not a plain object is read as an empty form, so a refusal always names the
 * fields to fix instead of a bare "expected object".
 */
export function formObject<S extends z.ZodRawShape>(shape: S) {
  const object = z.object(shape);
  return z.preprocess((value) => (typeof value === "object" && value !== null && !Array.isArray(value) ? value : {}), object);
}

/**
 * A form post as a plain object of its text fields (files and React's internal `$ACTION` fields
 * dropped), for the schemas to parse. Fields named in `lists` (checkbox groups) become arrays of
 * all their values, empty when nothing is ticked.
 */
export function formDataToInput(formData: FormData): Record<string, string>;
export function formDataToInput(formData: FormData, options: { lists: readonly string[] }): Record<string, string | string[]>;
export function formDataToInput(formData: FormData, options?: { lists: readonly string[] }): Record<string, string | string[]> {
  const input: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) input[key] = value;
  }
  for (const name of options?.lists ?? []) {
    input[name] = formData.getAll(name).filter((value): value is string => typeof value === "string");
  }
  return input;
}
