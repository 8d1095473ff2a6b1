import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeBody, extractMainText } from "./main-text";

const article = `<!doctype html><html><head><title>Site | Statement</title><script>alert(1)</script></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Statement of the press service</h1>
<p>The Head of State held a meeting on the situation in the country, the press service reported on Thursday evening.</p>
<p>The number of detained people has reached several thousand, according to the official statement published on the site.</p>
<p>Further measures will be announced after the meeting of the security council, the statement said.</p>
</article><footer>© Press service. All rights reserved.</footer></body></html>`;

test("the main text keeps the article's paragraphs and drops the navigation, scripts and footer", () => {
  const { title, text } = extractMainText(article, "text/html");
  assert.match(title ?? "", /Statement/);
  assert.match(text, /The number of detained people has reached several thousand/);
  assert.match(text, /security council, the statement said\.$/);
  assert.ok(text.includes("\n\n"), "paragraphs stay apart");
  assert.doesNotMatch(text, /alert\(1\)|All rights reserved|Home/);
});

test("plain text is kept as it came, tidied", () => {
  assert.deepEqual(extractMainText("line one  \r\n\r\n\r\nline two", "text/plain"), { title: null, text: "line one\n\nline two" });
});

test("windows-1251 pages decode by the declared charset or by their meta tag", () => {
  const cyrillic = Buffer.from([0xcf, 0xf0, 0xe5, 0xe7, 0xe8, 0xe4, 0xe5, 0xed, 0xf2]); // «Президент» in windows-1251
  assert.equal(decodeBody({ body: cyrillic, contentType: "text/html; charset=windows-1251" }), "Президент");
  const withMeta = Buffer.concat([Buffer.from('<meta charset="windows-1251">'), cyrillic]);
  assert.match(decodeBody({ body: withMeta, contentType: "text/html" }), /Президент$/);
  assert.equal(decodeBody({ body: Buffer.from("Президент"), contentType: "text/html; charset=nonsense" }), "Президент");
});
