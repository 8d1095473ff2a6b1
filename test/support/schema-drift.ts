import { createRequire } from "node:module";
import type { SqlRunner } from "../../lib/db/migrate";

/** A database shape reduced to what both schema.prisma and the catalog can say. */
export type Shape = {
  enums: Map<string, string[]>;
  columns: Map<string, { type: string; nullable: boolean }>; // key: table.column
  indexes: Set<string>; // "table(col1,col2) unique|index"
};

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType?: [string, string[]] | null;
  default?: { name?: string } | unknown;
  hasDefaultValue: boolean;
  relationFromFields?: string[];
};
type Dmmf = {
  enums: Array<{ name: string; dbName?: string | null; values: Array<{ name: string; dbName?: string | null }> }>;
  models: Array<{ name: string; dbName?: string | null; fields: DmmfField[] }>;
  indexes: Array<{ model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: Array<{ name: string }> }>;
};

const require = createRequire(import.meta.url);

function readDmmf(schema: string): Dmmf {
  // The schema engine's WASM build parses schema.prisma without the native engine.
  const wasm = require("@prisma/prisma-schema-wasm") as { get_dmmf(params: string): string };
  return (JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: schema }))) as { datamodel: Dmmf }).datamodel;
}

const SCALAR: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Float: "double precision",
  Decimal: "numeric(65,30)",
};

function columnType(field: DmmfField): string {
  if (field.kind === "enum") return `enum ${field.type}`;
  const native = field.nativeType;
  if (native) {
    const [name, args] = native;
    switch (name) {
      case "Uuid":
        return "uuid";
      case "Date":
        return "date";
      case "Decimal":
        return `numeric(${args.join(",")})`;
      case "Timestamptz":
        return `timestamp(${args[0] ?? 3}) with time zone`;
      case "Timestamp":
        return `timestamp(${args[0] ?? 3}) without time zone`;
      case "VarChar":
        return `character varying(${args[0]})`;
      default:
        return `native ${name}`;
    }
  }
  return SCALAR[field.type] ?? `unknown ${field.type}`;
}

export function shapeFromSchema(schema: string): Shape {
  const dmmf = readDmmf(schema);
  const shape: Shape = { enums: new Map(), columns: new Map(), indexes: new Set() };
  for (const e of dmmf.enums) shape.enums.set(e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name));
  const tableOf = new Map(dmmf.models.map((m) => [m.name, m]));
  for (const model of dmmf.models) {
    const table = model.dbName ?? model.name;
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      // A scalar list (String[]) is an array column; Prisma never stores null in one, so the migration makes it NOT NULL.
      const type = field.isList ? `${columnType(field)}[]` : columnType(field);
      shape.columns.set(`${table}.${field.dbName ?? field.name}`, { type, nullable: !field.isRequired && !field.isList });
    }
  }
  for (const index of dmmf.indexes) {
    if (index.type === "fulltext") continue;
    const model = tableOf.get(index.model);
    if (!model) continue;
    const columns = index.fields.map((f) => {
      const field = model.fields.find((x) => x.name === f.name);
      return field?.dbName ?? f.name;
    });
    shape.indexes.add(`${model.dbName ?? model.name}(${columns.join(",")}) ${index.type === "normal" ? "index" : "unique"}`);
  }
  return shape;
}

export async function shapeFromDatabase(db: SqlRunner): Promise<Shape> {
  const shape: Shape = { enums: new Map(), columns: new Map(), indexes: new Set() };
  const enums = await db.query<{ name: string; label: string }>(
    `SELECT t.typname AS name, e.enumlabel AS label FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
     JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = current_schema() ORDER BY t.typname, e.enumsortorder`,
  );
  for (const { name, label } of enums) shape.enums.set(name, [...(shape.enums.get(name) ?? []), label]);
  const columns = await db.query<{ table_name: string; column_name: string; type: string; is_nullable: string; udt_name: string; data_type: string }>(
    `SELECT c.table_name, c.column_name, format_type(a.atttypid, a.atttypmod) AS type, c.is_nullable, c.udt_name, c.data_type
     FROM information_schema.columns c
     JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
     WHERE c.table_schema = current_schema() AND c.table_name <> '_prisma_migrations'`,
  );
  for (const c of columns) {
    const type = c.data_type === "USER-DEFINED" ? `enum ${c.udt_name}` : c.type;
    shape.columns.set(`${c.table_name}.${c.column_name}`, { type, nullable: c.is_nullable === "YES" });
  }
  const indexes = await db.query<{ table_name: string; index_name: string; columns: string[] | string; is_unique: boolean; is_primary: boolean; is_plain: boolean }>(
    `SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
            (ix.indexprs IS NULL AND ix.indpred IS NULL AND am.amname = 'btree') AS is_plain,
            array_agg(a.attname ORDER BY k.ord) AS columns
     FROM pg_index ix
     JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_am am ON am.oid = i.relam
     JOIN pg_namespace n ON n.oid = t.relnamespace
     CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
     LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
     WHERE n.nspname = current_schema() AND t.relname <> '_prisma_migrations'
     GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary, ix.indexprs, ix.indpred, am.amname`,
  );
  for (const index of indexes) {
    // Expression, partial and GIN indexes (full-text, trigram, one-published-per-claim) live in SQL only.
    if (!index.is_plain) continue;
    const cols = Array.isArray(index.columns) ? index.columns : index.columns.replace(/^{|}$/g, "").split(",");
    const kind = index.is_primary ? "id" : index.is_unique ? "unique" : "index";
    shape.indexes.add(`${index.table_name}(${cols.join(",")}) ${kind === "id" ? "unique" : kind}`);
  }
  return shape;
}

/** Every way the database differs from the schema, as readable lines; empty when they agree. */
export function diffShapes(expected: Shape, actual: Shape): string[] {
  const problems: string[] = [];
  for (const [name, values] of expected.enums) {
    const found = actual.enums.get(name);
    if (!found) problems.push(`enum ${name} is missing in the database`);
    else if (found.join(",") !== values.join(",")) problems.push(`enum ${name} has [${found}] in the database, [${values}] in the schema`);
  }
  for (const name of actual.enums.keys()) if (!expected.enums.has(name)) problems.push(`enum ${name} exists only in the database`);
  for (const [key, column] of expected.columns) {
    const found = actual.columns.get(key);
    if (!found) problems.push(`column ${key} is missing in the database`);
    else {
      if (found.type !== column.type) problems.push(`column ${key} is ${found.type} in the database, ${column.type} in the schema`);
      if (found.nullable !== column.nullable) problems.push(`column ${key} is ${found.nullable ? "nullable" : "NOT NULL"} in the database`);
    }
  }
  for (const key of actual.columns.keys()) if (!expected.columns.has(key)) problems.push(`column ${key} exists only in the database`);
  for (const index of expected.indexes) if (!actual.indexes.has(index)) problems.push(`index ${index} is missing in the database`);
  for (const index of actual.indexes) {
    if (!expected.indexes.has(index)) problems.push(`index ${index} exists only in the database`);
  }
  return problems.sort();
}
