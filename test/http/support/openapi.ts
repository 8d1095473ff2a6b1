import assert from "node:assert/strict";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/*
 * Checks real responses against the OpenAPI description a server serves (/api/v1/openapi.json),
 * with ajv's JSON Schema 2020-12 validator (the dialect OpenAPI 3.1 uses) and ajv-formats. The
 * description leaves objects open for clients (fields may be added within v1); here every object
 * is closed again, so a field the server sends and the description does not name fails.
 */

type Json = Record<string, unknown>;
type ResponseObject = { description: string; headers?: Record<string, Json>; content?: Record<string, { schema?: Json }> };
export type Description = { paths: Record<string, Record<string, { responses: Record<string, ResponseObject | { $ref: string }> }>>; components: Json };

const ROOT = "urn:claimdesk:openapi";

/** Closes objects and points `#/components/schemas/X` at the copy ajv holds. */
function prepare(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(prepare);
  if (typeof node !== "object" || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === "$ref" && typeof value === "string" ? value.replace("#/components/schemas/", `${ROOT}#/$defs/`) : prepare(value);
  }
  if (out.type === "object" && out.properties && !("additionalProperties" in out)) out.additionalProperties = false;
  return out;
}

export type Checked = { status: number; contentType: string; body: string | Uint8Array };

export async function loadDescription(base: string) {
  const response = await fetch(`${base}/api/v1/openapi.json`);
  assert.equal(response.status, 200);
  const description = (await response.json()) as Description & { openapi: string };
  assert.equal(description.openapi, "3.1.0");
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  const schemas = (description.components as { schemas: Json }).schemas;
  ajv.addSchema({ $id: ROOT, $defs: prepare(schemas) as Json });

  const resolve = <T>(ref: { $ref?: string } & object): T => {
    if (!ref.$ref) return ref as T;
    const [, , kind, name] = ref.$ref.split("/");
    return ((description.components as Record<string, Json>)[kind!] as Record<string, T>)[name!]!;
  };

  return {
    description,
    /**
     * Asserts that `response` (to GET `template`, e.g. /api/v1/claims/{slug}) is one the
     * description lists: its status, every header it documents, its media type, and its body
     * against the schema. Answers the body (text, or bytes for a binary media type).
     */
    async check(template: string, response: Response): Promise<Checked> {
      const operation = description.paths[template]?.get;
      assert.ok(operation, `the description has GET ${template}`);
      const documented = operation.responses[String(response.status)];
      assert.ok(documented, `GET ${template}: the description lists status ${response.status}`);
      const answer = resolve<ResponseObject>(documented);
      for (const [name, header] of Object.entries(answer.headers ?? {})) {
        const value = response.headers.get(name);
        assert.ok(value !== null, `GET ${template} ${response.status}: the documented header ${name} is present`);
        const schema = resolve<{ schema: Json }>(header).schema;
        const typed = schema.type === "integer" ? Number(value) : value;
        assert.ok(ajv.validate(schema, typed), `GET ${template} ${response.status}: header ${name}=${value}: ${ajv.errorsText()}`);
      }
      const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
      if (!answer.content) {
        assert.equal((await response.arrayBuffer()).byteLength, 0, `GET ${template} ${response.status} has no body`);
        return { status: response.status, contentType, body: "" };
      }
      const media = answer.content[contentType];
      assert.ok(media, `GET ${template} ${response.status}: the description lists ${contentType} (it lists ${Object.keys(answer.content).join(", ")})`);
      if (!media.schema) return { status: response.status, contentType, body: new Uint8Array(await response.arrayBuffer()) };
      const text = await response.text();
      const value = media.schema.type === "string" ? text : JSON.parse(text);
      const valid = ajv.validate(prepare(media.schema) as Json, value);
      assert.ok(valid, `GET ${template} ${response.status}: ${ajv.errorsText(ajv.errors, { separator: "\n" })}`);
      return { status: response.status, contentType, body: text };
    },
  };
}

/** The OpenAPI path of a route file: app/api/v1/claims/[slug]/route.ts → /api/v1/claims/{slug}. */
export function pathOfRouteFile(file: string): string {
  return file.replace(/^app/, "").replace(/\/route\.(ts|tsx|js)$/, "").replace(/\[(\w+)\]/g, "{$1}");
}
