/**
 * The V8 heap an app server (`next start`) may grow to, in MiB. Under a high request rate V8 lets
 * the old generation grow to several times what is live before it collects: about 100 MiB is live
 * under the benchmark's load, yet the heap reached 450 MiB and the process 750 MiB of RSS. With
 * this budget the process stayed under 500 MiB; the ledger page served from Next alone lost about
 * a fifth of its throughput, the other endpoints a few percent (docs/performance.md).
 */
export const APP_HEAP_MIB = 384;

/**
 * NODE_OPTIONS for an app server: the budget, then the operator's own options, so an operator's
 * `--max-old-space-size` (the later flag wins) overrides it.
 */
export function appNodeOptions(operator: string | undefined = process.env.NODE_OPTIONS): string {
  return [`--max-old-space-size=${APP_HEAP_MIB}`, operator?.trim()].filter(Boolean).join(" ");
}
