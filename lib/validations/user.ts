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
});
const confirmAdmin = z.literal("yes", "Confirm that this person should become an admin.").optional().catch(undefined);
const ADMIN_CONFIRMATION = "Confirm that this person should become an admin: admins manage every account.";

/**
 * An invitation: the person chooses their own password through the link (no password here).
 * Inviting an admin needs the same explicit `confirmAdmin=yes` as promoting one.
 */
export const createUserSchema = formObject({ ...createUserObject.shape, confirmAdmin }).superRefine((value, ctx) => {
  if (value.role === "ADMIN" && value.confirmAdmin !== "yes") ctx.addIssue({ code: "custom", path: ["confirmAdmin"], message: ADMIN_CONFIRMATION });
});
export type CreateUserInput = z.input<typeof createUserObject>;
/** The first admin of a deployment, from the command line (npm run user:create): the operator types the password. */
export const operatorCreateUserSchema = formObject({ ...createUserObject.shape, password: passwordSchema });

/**
 * Making someone an admin needs `confirmAdmin=yes`, set by the confirmation the users page asks
 * for; the server refuses the promotion without it, so a forged or replayed form cannot skip it.
 */
export const changeUserRoleSchema = formObject({ userId, role, confirmAdmin }).superRefine((value, ctx) => {
  if (value.role === "ADMIN" && value.confirmAdmin !== "yes") ctx.addIssue({ code: "custom", path: ["confirmAdmin"], message: ADMIN_CONFIRMATION });
});
export const setUserDisabledSchema = formObject({ userId, disabled: z.boolean("Say whether to disable or re-enable.") });
export const createPasswordLinkSchema = formObject({ userId });

/** A token is 32 random bytes in base64url: exactly 43 characters of [A-Za-z0-9_-]. */
export const passwordLinkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
export const setPasswordSchema = formObject({
  token: z.string("This link is not valid.").max(200),
  password: passwordSchema,
  confirmPassword: z.string("Type the password again.").max(200),
}).refine((value) => value.password === value.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ." });
