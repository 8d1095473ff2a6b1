import { test } from "node:test";
import assert from "node:assert/strict";
import { isShortcutEvent } from "./shortcuts";

const key = (target: unknown, extra: Partial<KeyboardEvent> = {}) =>
  isShortcutEvent({ key: "j", ctrlKey: false, metaKey: false, altKey: false, isComposing: false, target: target as EventTarget, ...extra });

test("a key on the page or a link is a shortcut", () => {
  assert.equal(key({ tagName: "BODY" }), true);
  assert.equal(key({ tagName: "A" }), true);
});

test("never while typing in a field or an editable element", () => {
  for (const tagName of ["INPUT", "TEXTAREA", "SELECT"]) assert.equal(key({ tagName }), false, tagName);
  assert.equal(key({ tagName: "DIV", isContentEditable: true }), false);
});

test("never with a modifier or while composing", () => {
  assert.equal(key({ tagName: "BODY" }, { ctrlKey: true }), false);
  assert.equal(key({ tagName: "BODY" }, { metaKey: true }), false);
  assert.equal(key({ tagName: "BODY" }, { altKey: true }), false);
  assert.equal(key({ tagName: "BODY" }, { isComposing: true }), false);
});
