import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { getEnv } from "../env";
import { openPglite, type DbTarget } from "./connect";

// Never hand a password hash to anything by accident: it must be asked for explicitly.
const omit = { user: { passwordHash: true } } as const;

type Adapter = NonNullable<ConstructorParameters<typeof PrismaClient>[0]["adapter"]>;

function makeClient(adapter: Adapter) {
  return new PrismaClient({ adapter, omit });
}

export type Db = ReturnType<typeof makeClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export function resolveTarget(env = getEnv()): DbTarget {
  return env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dir: env.PGLITE_DIR };
}

/** Pass `pglite` to share an instance that is already open (scripts that migrate first). */
export async function createPrismaClient(target: DbTarget = resolveTarget(), pglite?: PGlite): Promise<Db> {
  if (target.kind === "postgres") {
    return makeClient(new PrismaPg({ connectionString: target.url, max: 10 }));
  }
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  return makeClient(new PrismaPGlite(pglite ?? (await openPglite(target.dir))));
}
