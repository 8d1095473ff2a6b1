"use server";

import { revalidatePath } from "next/cache";
import { currentSession } from "../auth/session";
import { changeUserRole, createUser, resetUserPassword, setUserDisabled } from "../services/users";
import { formDataToInput } from "../validations/form";

const PAGE = "/desk/admin/users";

export async function createUserAction(_prev: unknown, formData: FormData) {
  const result = await createUser(await currentSession(), formDataToInput(formData));
  if (result.ok) revalidatePath(PAGE);
  return result;
}

export async function changeUserRoleAction(_prev: unknown, formData: FormData) {
  const result = await changeUserRole(await currentSession(), formDataToInput(formData));
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
  const result = await resetUserPassword(await currentSession(), formDataToInput(formData));
  if (result.ok) revalidatePath(PAGE);
  return result;
}
