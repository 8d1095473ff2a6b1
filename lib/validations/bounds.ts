import { z } from "./zod";

/*
 * Bounds shared by every date and number that reaches the database from a form or a query string.
 * PostgreSQL refuses some values JavaScript accepts (year 0000, a bigint past 2^63, NUL in text),
 * and a refusal there is a 500; here it is a field error and a 400.
 */
export const MIN_DATE = new Date("1900-01-01T00:00:00.000Z");
export const MAX_DATE = new Date("2100-12-31T23:59:59.999Z");
export const DATE_RANGE_MESSAGE = "Use a date between 1900-01-01 and 2100-12-31.";

export const isDateInRange = (date: Date) => !Number.isNaN(date.getTime()) && date >= MIN_DATE && date <= MAX_DATE;

/** "YYYY-MM-DD" that names a real calendar day (no 2022-02-30) between 1900 and 2100. */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return isDateInRange(date) && date.toISOString().startsWith(value);
}

/** A calendar day as a string (query strings keep it as text). */
export const calendarDayText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2022-01-05.")
  .refine(isCalendarDay, DATE_RANGE_MESSAGE);

/** Largest value of a PostgreSQL bigint (audit ids). */
export const MAX_BIGINT = 9_223_372_036_854_775_807n;
export const isBigintId = (value: string) => /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_BIGINT && BigInt(value) > 0n;
