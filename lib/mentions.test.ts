import { test } from "node:test";
import assert from "node:assert/strict";
import { findMentions, mentionHandle } from "./mentions";

const dana = { id: "1", name: "Dana Editor", email: "dana@claimdesk.test" };
const danae = { id: "2", name: "Danae Checker", email: "danae@claimdesk.test" };
const users = [dana, danae];
const ids = (body: string) => findMentions(body, users).map((u) => u.id);

test("a handle is the e-mail's local part, lower case", () => {
  assert.equal(mentionHandle({ email: "Checker2@claimdesk.test" }), "checker2");
});

test("mentions by handle or full name, case ignored", () => {
  assert.deepEqual(ids("@dana can you look?"), ["1"]);
  assert.deepEqual(ids("Ask @DANA EDITOR first"), ["1"]);
  assert.deepEqual(ids("@danae and (@dana)"), ["1", "2"]);
});

test("a longer handle, an e-mail address or a word glued before @ mention nobody", () => {
  assert.deepEqual(ids("@danaX said"), []);
  assert.deepEqual(ids("mail dana@claimdesk.test"), []);
  assert.deepEqual(ids("write to x@dana"), []);
  assert.deepEqual(ids("@dana@claimdesk.test"), []);
});

test("names with regular-expression characters are matched literally", () => {
  const odd = { id: "3", name: "A.B (desk)", email: "ab@claimdesk.test" };
  assert.deepEqual(findMentions("hi @A.B (desk) there", [odd]).map((u) => u.id), ["3"]);
  assert.deepEqual(findMentions("hi @AxB (desk)", [odd]).map((u) => u.id), []);
});
