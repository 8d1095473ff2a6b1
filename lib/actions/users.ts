"use server";

import { revalidatePath } from "next/cache";
import { currentSession } from "../auth/session";
import { changeUserRole, createPasswordLink, createUser, setUserDisabled } from "../services/users";
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

export async function createPasswordLinkAction(_prev: unknown, formData: FormData) {
  return createPasswordLink(await currentSession(), formDataToInput(formData));
}
