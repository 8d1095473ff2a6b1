import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/*
 * A process is identified by its PID *and* its start time: after a crash (or a reboot) the PID of
 * a dead owner can be reused by an unrelated process, which must not be mistaken for the owner.
 */

function linuxBootId(): string {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  } catch {
    return "";
  }
}

/** The start time of `pid` as an opaque string, or null when no such process runs. */
export function processStartTime(pid: number): string | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  try {
    // Field 22 of /proc/<pid>/stat is the start time in clock ticks since boot; the command name
    // (field 2) may contain spaces and parentheses, so count from the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = fields[19];
    if (ticks) return `linux:${linuxBootId()}:${ticks}`;
  } catch {
    // Not Linux (or /proc hidden): ask ps.
  }
  try {
    const started = execFileSync("ps", ["-o", "lstart=", "-p", String(pid)], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return started ? `ps:${started}` : null;
  } catch {
    return null;
  }
}

/** True when `pid` runs and is the same process that recorded `startTime`. */
export function isSameProcessAlive(pid: number, startTime: string): boolean {
  return processStartTime(pid) === startTime;
}
