import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { waitReady, type Server } from "./app-server";

/*
 * `npm run bench -- --cache nginx`: the shipped deploy/nginx configuration, its placeholders filled,
 * in front of the app instances, in a temporary prefix (cache included) that starts empty each run.
 */
export async function startNginx(options: { port: number; upstreamPorts: number[] }): Promise<Server> {
  const prefix = mkdtempSync(path.join(tmpdir(), "claimdesk-bench-nginx-"));
  // Started as root, nginx's workers run as an unprivileged user and write the cache in here.
  chmodSync(prefix, 0o777);
  // Placeholders are filled in directives only: the files' comments name them too, and a filled
  // comment line with several upstreams would spill directives out of the comment.
  const fill = (file: string) =>
    readFileSync(path.join("deploy/nginx", file), "utf8")
      .split("\n")
      .map((line) =>
        line.trimStart().startsWith("#")
          ? line
          : line
              .replaceAll("@PREFIX@", prefix)
              .replaceAll("@CACHE_DIR@", path.join(prefix, "cache"))
              .replaceAll("@LISTEN@", `127.0.0.1:${options.port}`)
              .replaceAll("@UPSTREAMS@", options.upstreamPorts.map((p) => `server 127.0.0.1:${p};`).join("\n    ")),
      )
      .join("\n");
  writeFileSync(path.join(prefix, "claimdesk.conf"), fill("claimdesk.conf"));
  writeFileSync(path.join(prefix, "nginx.conf"), fill("nginx.conf"));
  const child = spawn(process.env.NGINX_BIN ?? "nginx", ["-p", prefix, "-c", path.join(prefix, "nginx.conf"), "-e", path.join(prefix, "error.log")], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const output = () => {
    try {
      return text + readFileSync(path.join(prefix, "error.log"), "utf8").slice(-5_000);
    } catch {
      return text;
    }
  };
  return waitReady({ name: "nginx", origin: `http://127.0.0.1:${options.port}`, process: child, output }, "/api/v1/stories");
}
