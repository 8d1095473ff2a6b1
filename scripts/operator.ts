// Shared by the account commands run by whoever operates the server (user:create, user:password).
import os from "node:os";
import { parseArgs } from "node:util";
import type { Operator } from "../lib/services/operator-users";
import type { Fail } from "../lib/errors";

export function operator(command: string): Operator {
  return { command, osUser: os.userInfo().username, host: os.hostname() };
}

export function options(names: string[]): Record<string, string | undefined> {
  const { values } = parseArgs({ options: Object.fromEntries(names.map((n) => [n, { type: "string" as const }])), strict: true });
  return values as Record<string, string | undefined>;
}

/** Asks on the terminal without echoing what is typed. */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  let value = "";
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      stdin.removeListener("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const c of chunk) {
        if (c === "\r" || c === "\n") return finish();
        if (c === "\u0003" || c === "\u0004") return finish(new Error("cancelled"));
        value = c === "\u007f" || c === "\b" ? value.slice(0, -1) : value + c;
      }
    };
    stdin.on("data", onData);
  });
}

/** The password: typed twice on a terminal (not echoed), or the first line of standard input. */
export async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await askHidden("Password (not shown): ");
    const again = await askHidden("Same password again: ");
    if (first !== again) throw new Error("The two passwords differ; nothing was changed.");
    return first;
  }
  let input = "";
  for await (const chunk of process.stdin) input += String(chunk);
  return input.split(/\r?\n/)[0] ?? "";
}

/** One line per field error, then exit code 1. */
export function reportFailure(result: Fail): void {
  console.error(`claimdesk: ${result.message}`);
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    for (const message of messages ?? []) console.error(`  ${field}: ${message}`);
  }
  process.exitCode = 1;
}
