import { z } from "zod";

/*
 * Zod 4 probes `new Function` to compile fast object parsers. Under the Content-Security-Policy
 * (no 'unsafe-eval') that probe is a CSP violation in every browser that loads a form, so in the
 * browser it parses without compiling. Every schema module imports z from here, which runs this
 * before any schema is built. The server keeps the compiled parsers.
 */
if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
