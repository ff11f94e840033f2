import { describe, expect, it } from "vitest";
import { BadRequestError } from "../../http/errors";
import { InputError } from "../../kit/errors";
import { DnsRecord } from "./dns-record";
import { getMysqlDatabases } from "./functions";
import { failure, useTestServers } from "../../../test/support/http-client-fixtures";
import { sendJson } from "../../../test/support/http-test-server";
import { combellClientFor } from "../../../test/support/combell-client";
import { recordingContext } from "../../../test/support/combell-context";

const { serve } = useTestServers({ closeClients: true });

const database = (i: number) => ({ name: `ID42_db${i}`, hostname: `ID42_db${i}.db.webhosting.be`, user_count: 1, max_size: 100, actual_size: 1, account_id: i % 2 ? 42 : 43 });

describe("lists", () => {
  it("follow skip and take to the end, as the X-Paging headers count them", async () => {
    const all = Array.from({ length: 60 }, (_, i) => database(i));
    const server = await serve((req, res) => {
      const query = new URL(req.url, "http://x").searchParams;
      const skip = Number(query.get("skip"));
      const take = Number(query.get("take"));
      const page = all.slice(skip, skip + take);
      // Header names as the document spells them, in their own case.
      sendJson(res, 200, page, { "X-Paging-Skipped": String(skip), "X-Paging-Take": String(page.length), "X-Paging-TotalResults": String(all.length) });
    });
    const listed = await combellClientFor(server).listMysqlDatabases({});
    expect(listed.map((d) => d.name)).toEqual(all.map((d) => d.name));
    expect(server.requests.map((r) => r.url)).toEqual(["/v2/mysqldatabases?skip=0&take=25", "/v2/mysqldatabases?skip=25&take=25", "/v2/mysqldatabases?skip=50&take=25"]);
  });

  it("are what a list function filters, each item mapped as the resource reads it", async () => {
    const server = await serve((_req, res) => sendJson(res, 200, [database(1), database(2)]));
    const ctx = recordingContext(combellClientFor(server));
    const result = await getMysqlDatabases.invoke(ctx, { accountId: 42 });
    expect(result).toEqual({
      databases: [{ id: "ID42_db1", databaseName: "db1", accountId: 42, name: "ID42_db1", hostname: "ID42_db1.db.webhosting.be", userName: undefined, userCount: 1, maxSize: 100, actualSize: 1 }],
    });
  });

  it("fail naming the call and the field when an answer has an unexpected shape", async () => {
    const server = await serve((_req, res) => sendJson(res, 200, [{ id: "seven", name: "S" }]));
    const error = await failure(combellClientFor(server).listServicepacks({}));
    expect(error.message).toBe(
      "Combell API GET /v2/servicepacks answered in a shape the provider does not understand (0.id: Invalid input: expected number, received string); nothing was recorded from it",
    );
  });
});

describe("a refusal", () => {
  const refuse = (body: unknown) => serve((_req, res) => sendJson(res, 400, body));

  it("whose validation errors name an input becomes an InputError on that input", async () => {
    const server = await refuse({
      validation_errors: [
        { error_code: "validation.password.invalid", error_text: "The password must contain a digit." },
        { error_code: "validation.database_name.taken", error_text: "A database with this name exists." },
      ],
    });
    const error = await failure(combellClientFor(server).createMysqlDatabase({ database_name: "tests", account_id: 42, password: "x" }, {}));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).failures).toEqual([
      { property: "password", reason: "Combell refused it: The password must contain a digit. (validation.password.invalid)" },
      { property: "databaseName", reason: "Combell refused it: A database with this name exists. (validation.database_name.taken)" },
    ]);
  });

  it("is pinned on the field its message starts with, not a longer one it mentions later", async () => {
    const server = await refuse({
      validation_errors: [{ error_code: "duplicate", error_text: '"service" duplicates an existing SRV record with the same service, protocol, target and port.' }],
    });
    const body = { type: "SRV", ttl: 3600, service: "_sip", protocol: "TCP", target: "sip.example.com", port: 5060 } as never;
    const error = await failure(combellClientFor(server).createDnsRecord("example.com", body, {}));
    expect((error as InputError).failures.map((f) => f.property)).toEqual(["service"]);
  });

  it("that names no input stays the API's error, with its texts and codes readable", async () => {
    const server = await refuse({ validation_errors: [{ error_code: "quota_exceeded", error_text: "No databases left in this account." }] });
    const error = await failure(combellClientFor(server).createMysqlDatabase({ database_name: "tests", account_id: 42, password: "x" }, {}));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe("Combell API POST /v2/mysqldatabases failed with 400 Bad Request: No databases left in this account. (quota_exceeded)");
  });

  it("in the document's other spelling is read too", async () => {
    const server = await serve((_req, res) => sendJson(res, 403, { errorcode: "forbidden", errormessage: "IP address not whitelisted." }));
    const error = await failure(combellClientFor(server).listServicepacks({}));
    expect(error.message).toBe("Combell API GET /v2/servicepacks?skip=0&take=25 failed with 403 Forbidden: IP address not whitelisted. (forbidden)");
  });
});

describe("a DNS record create", () => {
  it("answers 201 with the record in Location, and the resource is recorded under domain/id at once", async () => {
    const server = await serve((req, res) =>
      req.method === "POST" ? sendJson(res, 201, undefined, { location: "/v2/dns/example.com/records/rec-77" }) : sendJson(res, 404, {}),
    );
    const ctx = recordingContext(combellClientFor(server));
    const created = await DnsRecord.create(ctx, { domainName: "example.com", type: "MX", recordName: "@", ttl: 3600, content: "mail.example.com", priority: 10 });
    expect(created).toEqual({ id: "example.com/rec-77", outputs: { recordId: "rec-77" } });
    expect(ctx.createdIds).toEqual(["example.com/rec-77"]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].url).toBe("/v2/dns/example.com/records");
    expect(JSON.parse(server.requests[0].body)).toEqual({ type: "MX", ttl: 3600, record_name: "@", content: "mail.example.com", priority: 10 });
  });
});
