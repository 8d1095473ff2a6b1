"use server";

import { revalidatePath } from "next/cache";
import { currentSession } from "../auth/session";
import { changeUserRole, createUser, resetUserPassword, setUserDisabled } from "../services/users";
import { userInputFromForm } from "../validations/user";

const PAGE = "/desk/admin/users";

export async function createUserAction(_prev: unknown, formData: FormData) {
  const result = await createUser(await currentSession(), userInputFromForm(formData, ["email", "name", "role", "password"]));
  if (result.ok) revalidatePath(PAGE);
  return result;
}

export async function changeUserRoleAction(_prev: unknown, formData: FormData) {
  const result = await changeUserRole(await currentSession(), userInputFromForm(formData, ["userId", "role"]));
  if (result.ok) revalidatePath(PAGE);
  return result;
}

export async function setUserDisabledAction(_prev: unknown, formData: FormData) {
  const input = { userId: formData.get("userId"), disabled: formData.get("disabled") === "true" };
  const result = await setUserDisabled(await currentSession(), input);
  if (result.ok) revalidatePath(PAGE);
  return result;
}

export async function resetUserPasswordAction(_prev: unknown, formData: FormData) {
  const result = await resetUserPassword(await currentSession(), userInputFromForm(formData, ["userId", "password"]));
  if (result.ok) revalidatePath(PAGE);
  return result;
}
