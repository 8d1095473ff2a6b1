"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "../db";
import { getEnv } from "../env";
import { clientAddress } from "../security/client-address";
import { setPasswordWithLink } from "../services/password-links";
import { formDataToInput } from "../validations/form";

/** Public: the person holding a one-time link chooses their password, then signs in. */
export async function setPasswordAction(_prev: unknown, formData: FormData) {
  const ip = clientAddress((await headers()).get("x-forwarded-for"), getEnv().TRUSTED_PROXY_HOPS);
  const result = await setPasswordWithLink(await getDb(), formDataToInput(formData), ip);
  if (result.ok) redirect("/login?password=set");
  return result;
}
