import { readFileSync } from "node:fs";

/*
 * Talks to a real `next start` server the way a browser (or an attacker with curl) does: next-auth's
 * credentials sign-in, and Server Actions posted with the `Next-Action` header and a body encoded
 * like React's `encodeReply`. Nothing here knows the app's permission table.
 */

export type Server = { name: string; url: string; proxyDisabled: boolean };

/** The servers started by test/http/run.ts (one with proxy.ts active, one with its redirect off). */
export function servers(): Server[] {
  const raw = process.env.SECURITY_SERVERS;
  if (!raw) throw new Error("SECURITY_SERVERS is not set: run these tests through `npm run test:security`");
  return JSON.parse(raw) as Server[];
}

/**
 * The server the whole suite runs against: proxy.ts's redirect switched off, the stricter case,
 * where every page, action and route must refuse on its own.
 */
export function fullServer(): Server {
  const server = servers().find((s) => s.proxyDisabled);
  if (!server) throw new Error("SECURITY_SERVERS has no server with the proxy's redirect disabled");
  return server;
}

// `__Secure-next-auth.session-token` under NODE_ENV=production (next start), the plain name otherwise.
const isSessionCookie = (name: string) => name === "next-auth.session-token" || name === "__Secure-next-auth.session-token";

function cookiesFrom(response: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";")[0] ?? "";
    const at = pair.indexOf("=");
    if (at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return jar;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

export type SignInResult = { cookie: string | null; status: number; location: string; /** The session's Set-Cookie line, attributes and all. */ setCookie: string | null };

/** next-auth's credentials flow over HTTP: csrf token, then the callback. `cookie` is null when refused. */
export async function signInOverHttp(base: string, email: string, password: string, options: { csrf?: boolean } = {}): Promise<SignInResult> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const jar = cookiesFrom(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const body = new URLSearchParams({ email, password, callbackUrl: `${base}/desk`, json: "true" });
  if (options.csrf !== false) body.set("csrfToken", csrfToken);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), origin: base },
    body,
  });
  const session = [...cookiesFrom(response)].find(([name]) => isSessionCookie(name));
  const setCookie = response.headers.getSetCookie().find((line) => isSessionCookie(line.split("=")[0] ?? "")) ?? null;
  const location =
    response.headers.get("location") ??
    (response.headers.get("content-type")?.includes("json") ? ((await response.json()) as { url?: string }).url ?? "" : "");
  return { cookie: session ? `${session[0]}=${session[1]}` : null, status: response.status, location, setCookie };
}

export async function signInOrThrow(base: string, email: string, password: string): Promise<string> {
  const result = await signInOverHttp(base, email, password);
  if (!result.cookie) throw new Error(`sign-in of ${email} failed: ${result.status} ${result.location}`);
  return result.cookie;
}

// ---- Server Actions ---------------------------------------------------------------------------

export type ActionEntry = { id: string; name: string; file: string; pages: string[] };

type Manifest = { node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }> };

/** Every Server Action the build produced: id, exported name and the pages that can receive it. */
export function readActionManifest(path = ".next/server/server-reference-manifest.json"): ActionEntry[] {
  const manifest = JSON.parse(readFileSync(path, "utf8")) as Manifest;
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    name: entry.exportedName,
    file: entry.filename,
    pages: Object.keys(entry.workers),
  }));
}

/** "app/(desk)/desk/claims/[slug]/page" -> "/desk/claims/<slug>" with the given segment values. */
export function pagePath(worker: string, params: Record<string, string>): string {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => {
      const match = /^\[(.+)\]$/.exec(s);
      if (!match) return s;
      const value = params[match[1]!];
      if (value === undefined) throw new Error(`no value for [${match[1]}] in ${worker}`);
      return encodeURIComponent(value);
    });
  return `/${segments.join("/")}`;
}

export type Fields = Record<string, string | string[]>;

/**
 * The body React's `encodeReply` sends for `action(prevState, formData)` (what useActionState
 * does): the form's fields under `_1_<name>` and the argument list `[null, "$K1"]` under `0`.
 */
export function encodeFormAction(fields: Fields): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(`_1_${name}`, v);
  }
  body.set("0", JSON.stringify([null, "$K1"]));
  return body;
}

export type ActionReply = {
  status: number;
  /** The action's return value, when the response carries one. */
  result: { ok?: boolean; code?: string; message?: string; fieldErrors?: unknown } | undefined;
  /** Set when the action called redirect(): where the browser would go. */
  redirect: string | null;
  /** A proxy redirect (no action ran): where to. */
  location: string | null;
  text: string;
};

/** Posts a Server Action like the browser does and reads its result from the RSC stream. */
export async function postAction(base: string, options: { id: string; path: string; cookie?: string | null; fields: Fields }): Promise<ActionReply> {
  const headers: Record<string, string> = { "next-action": options.id, origin: base, accept: "text/x-component" };
  if (options.cookie) headers.cookie = options.cookie;
  const response = await fetch(`${base}${options.path}`, { method: "POST", redirect: "manual", headers, body: encodeFormAction(options.fields) });
  return readActionReply(response);
}

export async function readActionReply(response: Response): Promise<ActionReply> {
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    result: parseActionResult(bytes),
    redirect: response.headers.get("x-action-redirect"),
    location: response.headers.get("location"),
    text: bytes.toString("utf8"),
  };
}

/**
 * The rows of a React Flight stream: `<hex id>:<json>\n`, or `<hex id>:T<hex byte length>,<text>`
 * (long strings, not newline-terminated). Returns each row's JSON text.
 */
export function flightRows(bytes: Buffer): Map<string, string> {
  const rows = new Map<string, string>();
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(0x3a, at);
    const newline = bytes.indexOf(0x0a, at);
    if (colon < 0) break;
    const id = bytes.toString("utf8", at, colon);
    if (!/^[0-9a-f]+$/.test(id) || (newline >= 0 && newline < colon)) {
      if (newline < 0) break;
      at = newline + 1; // not a row we understand: skip the line
      continue;
    }
    if (bytes[colon + 1] === 0x54 /* "T" */) {
      const comma = bytes.indexOf(0x2c, colon + 2);
      const length = parseInt(bytes.toString("utf8", colon + 2, comma), 16);
      rows.set(id, JSON.stringify(bytes.toString("utf8", comma + 1, comma + 1 + length)));
      at = comma + 1 + length;
      continue;
    }
    const end = bytes.indexOf(0x0a, colon);
    rows.set(id, bytes.toString("utf8", colon + 1, end < 0 ? bytes.length : end));
    at = end < 0 ? bytes.length : end + 1;
  }
  return rows;
}

/**
 * An action's reply: row 0 is `{"a":"$@<row>", ...}` and that row holds the returned value (our
 * results are plain objects; nested references such as "$2" are left as they are).
 */
export function parseActionResult(bytes: Buffer): ActionReply["result"] {
  const rows = flightRows(bytes);
  const root = rows.get("0");
  if (!root) return undefined;
  try {
    const head = JSON.parse(root) as { a?: unknown };
    const ref = typeof head.a === "string" && head.a.startsWith("$@") ? head.a.slice(2) : null;
    const raw = ref ? rows.get(ref) : undefined;
    if (raw === undefined) return undefined;
    const value = JSON.parse(raw) as unknown;
    return typeof value === "object" && value !== null ? (value as ActionReply["result"]) : undefined;
  } catch {
    return undefined;
  }
}
