import { getDb } from "@/lib/db";
import { getAuthSecret, getEnv } from "@/lib/env";
import { withRoute } from "@/lib/public/route";
import { submitReaderRequest } from "@/lib/readers/submit";
import { clientAddress } from "@/lib/security/client-address";

export const dynamic = "force-dynamic";

/** A reader form is a few kilobytes; anything much larger is refused before it is read. */
const MAX_FORM_BYTES = 16 * 1024;

const see = (location: string) => new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });

/**
 * POST /reader-requests: the reader forms on claim and story pages (plain HTML forms, no
 * JavaScript needed). Post, then redirect (303) to the confirmation with the reference, or back to
 * the form page with the reason it was refused. The proxy's Origin check applies as to every write.
 */
export const POST = withRoute(async (request: Request) => {
  const env = getEnv();
  const length = Number(request.headers.get("content-length") ?? 0);
  let form: Record<string, string> = {};
  if (Number.isFinite(length) && length <= MAX_FORM_BYTES) {
    try {
      const data = await request.formData();
      for (const [key, value] of data.entries()) if (typeof value === "string") form[key] = value;
    } catch {
      form = {};
    }
  }
  const kind = form.kind === "SUGGESTION" ? "SUGGESTION" : "CORRECTION";
  const page = typeof form.page === "string" && /^\/(claims|stories)\/[a-z0-9-]{1,200}$/.test(form.page) ? form.page : "";
  if (length > MAX_FORM_BYTES) return see(`/requests/new?${new URLSearchParams({ kind, refused: "too_large", page })}`);
  const outcome = await submitReaderRequest(await getDb(), {
    form,
    ip: clientAddress(request.headers.get("x-forwarded-for"), env.TRUSTED_PROXY_HOPS),
    secret: getAuthSecret(env),
    limits: { perAddress: env.READER_LIMIT_PER_ADDRESS, global: env.READER_LIMIT_GLOBAL, windowMinutes: env.READER_LIMIT_WINDOW_MINUTES },
  });
  if (outcome.ok) return see(`/requests/received?ref=${outcome.reference}${outcome.folded ? "&folded=1" : ""}`);
  const field = outcome.fieldErrors ? Object.keys(outcome.fieldErrors)[0] ?? "" : "";
  return see(`/requests/new?${new URLSearchParams({ kind, refused: outcome.reason, page, ...(field ? { field } : {}) })}`);
});
