import { z } from "./zod";
import { Role } from "../generated/prisma/enums";
import { formObject } from "./form";
import { DECEPTIVE_TEXT_MESSAGE, isPlainVisibleText } from "./text";
import { PUBLISHED_PASSWORDS } from "../auth/published-passwords";

export const MIN_PASSWORD_LENGTH = 12;

export const passwordSchema = z
  .string("Enter a password.")
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, "Keep the password under 200 characters.")
  .refine(
    (value) => value.length < MIN_PASSWORD_LENGTH || value.trim().length >= MIN_PASSWORD_LENGTH,
    "Spaces at the ends do not count towards the length.",
  )
  .refine((value) => !PUBLISHED_PASSWORDS.includes(value.trim()), "This is a published demo password: choose another.");

const userId = z.uuid("Unknown user.");
const role = z.enum(Role, "Pick a role.");

const createUserObject = z.object({
  email: z
    .string("Enter an email address.")
    .trim()
    .toLowerCase()
    .max(254, "Keep the email under 254 characters.")
    .pipe(z.email("Enter a valid email address.")),
  name: z
    .string("Enter the person's name.")
    .transform((value) => value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim())
    .pipe(z.string().min(1, "Enter the person's name.").max(120, "Keep the name under 120 characters.").refine(isPlainVisibleText, DECEPTIVE_TEXT_MESSAGE)),
  role,
  password: passwordSchema,
});
export const createUserSchema = formObject(createUserObject.shape);
export type CreateUserInput = z.input<typeof createUserObject>;

export const changeUserRoleSchema = formObject({ userId, role });
export const setUserDisabledSchema = formObject({ userId, disabled: z.boolean("Say whether to disable or re-enable.") });
export const resetUserPasswordSchema = formObject({ userId, password: passwordSchema });
