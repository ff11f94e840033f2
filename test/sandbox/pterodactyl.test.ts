// The panel sandbox itself, answer by answer, in both modes: the document's shapes, and the
// real panel's where FACTS.md says they differ. The provider's tests trust these answers.
import { afterEach, describe, expect, it } from "vitest";
import { startPterodactylSandbox, type PterodactylSandbox } from "./pterodactyl";

let sandbox: PterodactylSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const start = async (mode: "document" | "panel", options = {}) => (sandbox = await startPterodactylSandbox({ mode, ...options }));
const create = (s: PterodactylSandbox, database: string, query = "") => s.call("POST", `/servers/1/databases${query}`, { database, remote: "%", host: 1 });

describe("in both modes", () => {
  it.each(["document", "panel"] as const)("%s: refuses a missing or wrong key with 401 in the errors[] shape", async (mode) => {
    const s = await start(mode);
    const response = await fetch(`${s.url}/api/application/servers/1/databases`, { headers: { authorization: "Bearer nope" } });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ errors: [{ code: "AuthenticationException", status: "401", detail: "Unauthenticated." }] });
  });

  it.each(["document", "panel"] as const)("%s: makes s{id}_ names cut to 48, u{id}_ users and 24-character passwords; 404s in the panel's words", async (mode) => {
    const s = await start(mode);
    const made = await create(s, "n".repeat(48), "?include=password");
    expect(made.body.attributes.database).toBe(`s1_${"n".repeat(45)}`);
    expect(made.body.attributes.username).toMatch(/^u1_[A-Za-z0-9]{10}$/);
    expect(made.body.attributes.relationships.password.attributes.password).toHaveLength(24);
    const missing = await s.call("GET", "/servers/1/databases/999");
    expect(missing).toEqual({ status: 404, body: { errors: [{ code: "NotFoundHttpException", status: "404", detail: "The requested resource could not be found on the server." }] } });
    expect((await s.call("DELETE", `/servers/1/databases/${made.body.attributes.id}`)).status).toBe(204);
    expect(s.store.databases.size).toBe(0);
  });
});

describe("document mode", () => {
  it("answers as the document shows: password without include, relationships in a GET, pages, a reset with the new password, 409 for a duplicate, 422 without meta, UUIDs", async () => {
    const s = await start("document", { maxPerPage: 2 });
    const made = await create(s, "one");
    expect(made.status).toBe(200);
    expect(made.body.attributes.relationships.password.object).toBe("database_password");
    const id = made.body.attributes.id;
    const single = await s.call("GET", `/servers/1/databases/${id}`);
    expect(Object.keys(single.body.attributes.relationships).sort()).toEqual(["host", "password"]);
    await create(s, "two");
    await create(s, "three");
    const page = await s.call("GET", "/servers/1/databases?per_page=50&page=2");
    expect(page.body.meta.pagination).toEqual({ total: 3, count: 1, per_page: 2, current_page: 2, total_pages: 2 });
    expect(page.body.data[0].attributes.relationships).toBeUndefined();
    const reset = await s.call("POST", `/servers/1/databases/${id}/reset-password`);
    expect(reset.status).toBe(200);
    expect(reset.body.attributes.relationships.password.attributes.password).toBe(s.store.databases.get(id)!.password);
    expect((await create(s, "one")).body).toEqual({ errors: [{ code: "ConflictHttpException", status: "409", detail: "The database name has already been taken." }] });
    const invalid = await s.call("POST", "/servers/1/databases", { database: "bad name", remote: "anywhere" });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { detail: string; meta?: unknown }) => [e.detail, e.meta])).toEqual([
      ["The database format is invalid.", undefined],
      ["The remote format is invalid.", undefined],
      ["The host field is required.", undefined],
    ]);
    const uuid = s.store.servers.get(1)!.uuid;
    expect((await s.call("GET", `/servers/${uuid}/databases`)).body.data).toHaveLength(2);
  });
});

describe("panel mode", () => {
  it("answers as the real panel: 201 with meta.resource, passwords only when included, one unpaginated list, a 204 reset, 400 for a duplicate, 422 with meta, numeric ids only", async () => {
    const s = await start("panel", { hostsReadable: false });
    const plain = await create(s, "one");
    expect(plain.status).toBe(201);
    expect(plain.body.attributes.relationships).toBeUndefined();
    const id = plain.body.attributes.id;
    expect(plain.body.meta.resource).toBe(`${s.url}/api/application/servers/1/databases/${id}`);
    expect((await s.call("GET", `/servers/1/databases/${id}`)).body.attributes.relationships).toBeUndefined();
    const included = await s.call("GET", `/servers/1/databases/${id}?include=password,host`);
    expect(included.body.attributes.relationships).toEqual({
      password: { object: "database_password", attributes: { password: s.store.databases.get(id)!.password } },
      host: { object: "null_resource", attributes: null },
    });
    await create(s, "two");
    await create(s, "three");
    const list = await s.call("GET", "/servers/1/databases?per_page=1&page=2");
    expect(list.body).not.toHaveProperty("meta");
    expect(list.body.data).toHaveLength(3);
    const before = s.store.databases.get(id)!.password;
    expect(await s.call("POST", `/servers/1/databases/${id}/reset-password`)).toEqual({ status: 204, body: undefined });
    expect(s.store.databases.get(id)!.password).not.toBe(before);
    expect((await create(s, "one")).body).toEqual({
      errors: [{ code: "DuplicateDatabaseNameException", status: "400", detail: "A database with that name already exists for this server." }],
    });
    const invalid = await s.call("POST", "/servers/1/databases", { database: "ok", remote: "%", host: 9 });
    expect(invalid).toEqual({
      status: 422,
      body: { errors: [{ code: "ValidationException", status: "422", detail: "The selected host is invalid.", meta: { source_field: "host", rule: "exists" } }] },
    });
    expect((await s.call("GET", `/servers/${s.store.servers.get(1)!.uuid}/databases`)).status).toBe(404);
  });

  it("refuses a database past the server's limit with 400", async () => {
    const s = await start("panel");
    const on2 = (database: string) => s.call("POST", "/servers/2/databases", { database, remote: "%", host: 1 });
    expect((await on2("a")).status).toBe(201);
    expect((await on2("b")).status).toBe(201);
    expect((await on2("c")).body.errors[0]).toMatchObject({ code: "TooManyDatabasesException", status: "400" });
  });
});
