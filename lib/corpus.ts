import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const DEMO_CORPUS_FILE = "2022-01-06-kazakhstan-csto.txt";

/**
 * The demo material lives in ../shared/corpus beside the repository; prisma/corpus keeps a copy so
 * a clone works on its own. The shared copy wins when both exist.
 */
export function corpusPath(file = DEMO_CORPUS_FILE): string {
  const shared = path.resolve(process.cwd(), "..", "shared", "corpus", file);
  return existsSync(shared) ? shared : path.resolve(process.cwd(), "prisma", "corpus", file);
}

export function readCorpus(file = DEMO_CORPUS_FILE): string {
  return readFileSync(corpusPath(file), "utf8");
}
