import { describe, expect, it } from "vitest";
import { apiErrorFor } from "../../http/errors";
import { InputError } from "../../kit/errors";
import { inputErrorOf, maskGeneratedPasswords, pterodactylErrorMessage } from "./errors";

const refusal = (status: number, body: unknown) =>
  apiErrorFor({ apiName: "Pterodactyl", status, method: "POST", path: "/servers/1/databases", apiMessage: pterodactylErrorMessage(status, body) });

describe("the panel's error messages", () => {
  it("join the details of errors[], with the field and rule a 422's meta names", () => {
    const body = {
      errors: [
        { code: "ValidationException", status: "422", detail: "The remote format is invalid.", meta: { source_field: "remote", rule: "regex" } },
        { code: "ValidationException", status: "422", detail: "The selected host is invalid.", meta: { source_field: "host", rule: "exists" } },
      ],
    };
    expect(pterodactylErrorMessage(422, body)).toBe("The remote format is invalid. (remote: regex); The selected host is invalid. (host: exists)");
    expect(pterodactylErrorMessage(404, { errors: [{ code: "NotFoundHttpException", status: "404", detail: "The requested resource could not be found on the server." }] })).toBe(
      "The requested resource could not be found on the server.",
    );
    expect(pterodactylErrorMessage(500, { errors: [{ code: "HttpException", status: "500" }] })).toBe("HttpException");
    expect(pterodactylErrorMessage(502, "<html>Bad gateway</html>")).toBe("<html>Bad gateway</html>");
    expect(pterodactylErrorMessage(500, { message: "Server Error" })).toBe("Server Error");
    expect(pterodactylErrorMessage(500, null)).toBeUndefined();
  });

  it.each([
    ["(SQL: ALTER USER 'u1_a'@'%' IDENTIFIED BY 'p4$$;w)rd')", "(SQL: ALTER USER 'u1_a'@'%' IDENTIFIED BY '***')"],
    ["identified by password \"x'y\"", 'identified by password "***"'],
    ['{"attributes":{"password":"a\\"b}c"}}', '{"attributes":{"password":"***"}}'],
    ["using password=Ab,c;d on host", "using password=*** on host"],
    ["(using password: Ab(c)d).", "(using password: ***)."],
    ["password: 'quoted value'", "password: '***'"],
    ["The password could not be reset.", "The password could not be reset."],
  ])("mask a generated password the provider never saw: %s", (text, masked) => {
    expect(maskGeneratedPasswords(text)).toBe(masked);
  });
});

describe("refusals of a create as errors on the input", () => {
  it("a 422's meta names the input", () => {
    const error = inputErrorOf(refusal(422, { errors: [{ detail: "The selected host is invalid.", meta: { source_field: "host", rule: "exists" } }] }));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).failures).toEqual([{ property: "host", reason: "Pterodactyl refused it (422): The selected host is invalid. (host: exists)" }]);
  });

  it("a document-style 422 without meta, a 409 and a 400 duplicate, a server at its limit, and a missing server", () => {
    const failures = (status: number, detail: string) => (inputErrorOf(refusal(status, { errors: [{ detail }] })) as InputError).failures.map((f) => f.property);
    expect(failures(422, "The database field is required.")).toEqual(["database"]);
    expect(failures(422, "The remote format is invalid.")).toEqual(["remote"]);
    expect(failures(409, "The database name has already been taken.")).toEqual(["database"]);
    expect(failures(400, "A database with that name already exists for this server.")).toEqual(["database"]);
    expect(failures(400, "Operation aborted: creating a new database would put this server over the defined limit.")).toEqual(["serverId"]);
    expect(failures(404, "The requested resource could not be found on the server.")).toEqual(["serverId"]);
  });

  it("leave an error naming no input, and any 5xx, as they are", () => {
    const unnamed = refusal(400, { errors: [{ detail: "Something else went wrong." }] });
    expect(inputErrorOf(unnamed)).toBe(unnamed);
    const server = refusal(500, { errors: [{ detail: "The database host is down." }] });
    expect(inputErrorOf(server)).toBe(server);
  });
});
