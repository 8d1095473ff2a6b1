import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { apiTypes, API_TYPES_FILE } from "../../scripts/api-types";

test("the example client's types match the OpenAPI description (run `npm run api:types` after changing the API)", async () => {
  assert.equal(readFileSync(API_TYPES_FILE, "utf8"), await apiTypes());
});
