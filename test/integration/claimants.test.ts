import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { createClaim, createRoleSet } from "../support/factories";
import { createClaim as createClaimAction, updateClaim } from "../../lib/services/claims";
import { updateClaimant } from "../../lib/services/claimants";
import { findClaimantByWord, listClaimantChoices } from "../../lib/data/claimants";
import { expectOk, expectFail } from "../support/results";

const db = await testDb();
const people = await createRoleSet(db);

const newClaim = (claimant: string, claimantType?: string) =>
  createClaimAction(people.factChecker.session, { text: `${unique("Claim")} about fuel prices`, claimant, claimantType, kind: "EVENT", confirmDuplicate: true });
const claimRow = (id: string) => db.claim.findUniqueOrThrow({ where: { id }, select: { claimant: true, claimantType: true, claimantId: true } });
const content = async (claimId: string) => (await db.$queryRaw<Array<{ c: { claim: Record<string, unknown> } }>>`SELECT publication_content(${claimId}::uuid, NULL) AS c`)[0]!.c.claim;

describe("claim forms pick or create a claimant record", () => {
  test("a new name becomes a record with the chosen type (audited); an alias, in any case, picks it again on the next claim", async () => {
    const name = unique("President");
    const [latin, cyrillic] = [unique("Tokaev"), unique("Токаев")];
    const first = expectOk(await newClaim(`  ${name}  `, "PERSON"));
    if (first.needsConfirmation) assert.fail("confirmed");
    const row = await claimRow(first.id);
    assert.equal(row.claimant, name);
    assert.equal(row.claimantType, "PERSON");
    const record = await db.claimant.findUniqueOrThrow({ where: { id: row.claimantId! } });
    assert.deepEqual([record.name, record.type, record.sameAs, record.aliases], [name, "PERSON", null, []]);
    assert.equal(await db.auditLog.count({ where: { action: "claimant.create", entityId: record.id, actorId: people.factChecker.id } }), 1);

    expectOk(await updateClaimant(people.editor.session, { id: record.id, name, type: "PERSON", aliases: `${latin}, ${cyrillic}` }));
    const second = expectOk(await newClaim(cyrillic.toUpperCase()));
    if (second.needsConfirmation) assert.fail("confirmed");
    const again = await claimRow(second.id);
    assert.deepEqual(again, { claimant: name, claimantType: "PERSON", claimantId: record.id }, "the claim names the record, not the alias typed");
    assert.equal(await db.claimant.count({ where: { name: { equals: cyrillic, mode: "insensitive" } } }), 0, "no record made of the alias");
    assert.equal((await findClaimantByWord(db, ` ${latin.toUpperCase()} `))?.id, record.id);
    const choices = await listClaimantChoices(db);
    assert.ok(choices.some((c) => c.value === latin && c.label === `${latin} → ${name}`), "aliases are offered in the autocomplete");
  });

  test("a new name without a type is created untyped (needs review); a later claim choosing a type fills it, never overrides it", async () => {
    const name = unique("Ministry");
    const created = expectOk(await newClaim(name));
    if (created.needsConfirmation) assert.fail("confirmed");
    const { claimantId } = await claimRow(created.id);
    assert.equal((await db.claimant.findUniqueOrThrow({ where: { id: claimantId! } })).type, null);
    expectOk(await newClaim(name, "ORGANISATION"));
    assert.equal((await db.claimant.findUniqueOrThrow({ where: { id: claimantId! } })).type, "ORGANISATION");
    expectOk(await newClaim(name, "PERSON"));
    assert.equal((await db.claimant.findUniqueOrThrow({ where: { id: claimantId! } })).type, "ORGANISATION");
  });

  test("editing a claim relinks it to another claimant and saves its summary; over 75 characters is a field error and nothing changes", async () => {
    const claim = await createClaim(db);
    const editable = { id: claim.id, version: 1, text: claim.text, kind: claim.kind };
    const other = unique("Governor");
    const tooLong = await updateClaim(people.factChecker.session, { ...editable, claimant: other, summary: "x".repeat(76) });
    assert.ok(expectFail(tooLong, "VALIDATION").fieldErrors?.summary);
    assert.equal(await db.claimant.count({ where: { name: other } }), 0, "nothing half-written");
    expectOk(await updateClaim(people.factChecker.session, { ...editable, claimant: other, claimantType: "PERSON", summary: "Twelve police officers killed" }));
    const row = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, include: { claimantRecord: true } });
    assert.equal(row.claimantRecord?.name, other);
    assert.equal(row.summary, "Twelve police officers killed");
    assert.equal((await content(claim.id)).summary, "Twelve police officers killed");
  });

  test("a claim written without a claimant link (import, fixtures) is linked by name or alias", async () => {
    const claim = await createClaim(db, { claimant: "Almaty police" });
    const row = await claimRow(claim.id);
    assert.ok(row.claimantId);
    assert.equal((await db.claimant.findUniqueOrThrow({ where: { id: row.claimantId } })).name.toLowerCase(), "almaty police");
  });
});

describe("editing a claimant", () => {
  test("a fact-checker may not; an editor sets type, sameAs and aliases, and the claims naming it follow", async () => {
    const claim = await createClaim(db);
    const name = unique("Police");
    const record = await db.claimant.create({ data: { name } });
    await db.claim.update({ where: { id: claim.id }, data: { claimant: name, claimantId: record.id } });
    const input = { id: record.id, name: `${name} department`, type: "ORGANISATION", sameAs: "https://example.org/police", aliases: `${name} force, ${name} force, ` };
    expectFail(await updateClaimant(people.factChecker.session, input), "FORBIDDEN");
    assert.equal((await db.claimant.findUniqueOrThrow({ where: { id: record.id } })).name, name);

    const saved = expectOk(await updateClaimant(people.editor.session, input));
    assert.deepEqual([saved.name, saved.type, saved.sameAs, saved.aliases, saved.claims], [`${name} department`, "ORGANISATION", "https://example.org/police", [`${name} force`], 1]);
    assert.deepEqual(await claimRow(claim.id), { claimant: `${name} department`, claimantType: "ORGANISATION", claimantId: record.id });
    const claimContent = await content(claim.id);
    assert.equal(claimContent.claimantType, "ORGANISATION");
    assert.equal(claimContent.claimantSameAs, "https://example.org/police");
    assert.equal(await db.auditLog.count({ where: { action: "claimant.update", entityId: record.id, actorId: people.editor.id } }), 1);
  });

  test("field errors: a taken name or alias, a non-web sameAs, a missing type; nothing is written", async () => {
    const [a, b] = [await db.claimant.create({ data: { name: unique("Akim"), aliases: [] } }), await db.claimant.create({ data: { name: unique("Mayor"), aliases: [] } })];
    await db.claimant.update({ where: { id: b.id }, data: { aliases: [`${b.name} alias`] } });
    const base = { id: a.id, name: a.name, type: "PERSON", aliases: "" };
    const errors = async (input: Record<string, unknown>) => expectFail(await updateClaimant(people.admin.session, input), "VALIDATION").fieldErrors ?? {};
    assert.ok((await errors({ ...base, name: b.name.toUpperCase() })).name);
    assert.ok((await errors({ ...base, aliases: `${b.name} ALIAS` })).aliases);
    assert.ok((await errors({ ...base, aliases: a.name })).aliases, "the name is not its own alias");
    assert.ok((await errors({ ...base, sameAs: "javascript:alert(1)" })).sameAs);
    assert.ok((await errors({ ...base, type: "" })).type);
    const unchanged = await db.claimant.findUniqueOrThrow({ where: { id: a.id } });
    assert.deepEqual([unchanged.type, unchanged.aliases, unchanged.sameAs], [null, [], null]);
    expectFail(await updateClaimant(people.admin.session, { ...base, id: crypto.randomUUID() }), "NOT_FOUND");
  });

  test("the database refuses a sameAs that is not an http(s) address", async () => {
    await assert.rejects(db.claimant.create({ data: { name: unique("Bad"), sameAs: "ftp://example.org" } }));
  });
});
