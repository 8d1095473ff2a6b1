import { mkdirSync, writeFileSync } from "node:fs";

/** Writes a JSON file of figures next to the other test output (test-results/faults/). */
export function recordFigures(name: string, figures: Record<string, unknown>): void {
  mkdirSync("test-results/faults", { recursive: true });
  writeFileSync(`test-results/faults/${name}.json`, JSON.stringify({ at: new Date().toISOString(), ...figures }, null, 2));
  console.log(`# figures ${name}: ${JSON.stringify(figures)}`);
}
