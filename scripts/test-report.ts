// What `npm test` reads from each step's output: how many tests passed and failed, and which failed
// and why, so the run's last lines name them even when only the tail of its log is kept.
import { readFileSync } from "node:fs";

export type Counts = { passed: number; failed: number };
/** A failed test as the summary names it: what, where, and the first lines of why. */
export type Failure = { title: string; where: string; why: string };

export function countNode(output: string): Counts {
  const pick = (label: string) => [...output.matchAll(new RegExp(`^# ${label} (\\d+)$`, "gm"))].reduce((n, m) => n + Number(m[1]), 0);
  return { passed: pick("pass"), failed: pick("fail") + pick("cancelled") };
}

const firstLines = (text: string) =>
  text
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 4)
    .join(" | ")
    .slice(0, 400);

/** The failing tests of node's TAP output: each `not ok` with its location and error, suites left out. */
export function nodeFailures(output: string): Failure[] {
  const failures: Failure[] = [];
  const pattern = /^(\s*)not ok \d+ - (.*)\n((?:\1 .*\n)*?)\1 {2}\.\.\./gm;
  for (const [, , title, block] of output.matchAll(pattern)) {
    if (!block || /failureType: 'subtestsFailed'/.test(block)) continue;
    const where = /location: '([^']*)'/.exec(block)?.[1] ?? "";
    // A block scalar's lines are indented deeper than its key; the next key ends it.
    const error = /^( *)error: [|>]-?\n((?:\1 {2}.*\n| *\n)+)/m.exec(block)?.[2] ?? /error: (.*)/.exec(block)?.[1] ?? "";
    failures.push({ title: title ?? "", where: where.replace(`${process.cwd()}/`, ""), why: firstLines(error) });
  }
  return failures;
}

type PlaywrightSuite = {
  suites?: PlaywrightSuite[];
  specs?: { title: string; file: string; line: number; tests: { status: string; results: { error?: { message?: string } }[] }[] }[];
};

export function playwrightReport(file: string): { counts: Counts; failures: Failure[] } {
  try {
    const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number }; suites: PlaywrightSuite[] };
    const failures: Failure[] = [];
    const walk = (suite: PlaywrightSuite) => {
      for (const spec of suite.specs ?? []) {
        for (const test of spec.tests) {
          if (test.status !== "unexpected") continue;
          const error = test.results.map((r) => r.error?.message).find(Boolean) ?? "";
          failures.push({ title: spec.title, where: `${spec.file}:${spec.line}`, why: firstLines(error) });
        }
      }
      suite.suites?.forEach(walk);
    };
    report.suites.forEach(walk);
    return { counts: { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected }, failures };
  } catch {
    return { counts: { passed: 0, failed: 1 }, failures: [{ title: "the Playwright report", where: file, why: "missing or unreadable" }] };
  }
}
