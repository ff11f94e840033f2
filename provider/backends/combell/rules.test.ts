import { describe, expect, it } from "vitest";
import { checkInputs } from "../../kit/check";
import { Account } from "./account";
import { MysqlDatabase } from "./mysql-database";
import { publicKey, unprefixedDatabaseName } from "./rules";

// The document's password rule, as Check reports it for every field that has it.
const database = { databaseName: "tests", accountId: 42 };
const passwordFailures = (password: string) => checkInputs(MysqlDatabase, { ...database, password }).failures.map((f) => `${f.property}: ${f.reason}`);

describe("the password rule", () => {
  it.each([
    ["short1", "password: must be 8 to 20 characters"],
    // The kit's length check comes first, in its own words.
    ["a1".repeat(11), "password: must be at most 20 characters"],
    ["onlyletters", "password: must contain at least one digit (0-9)"],
    ["1234567890", "password: must contain at least one letter (a-z)"],
    ["with space 1", "password: must not contain spaces"],
    ["dollar$sign1", "password: must not contain any of * € $ & + } { ' \" \\"],
    ["euro€sign12", "password: must not contain any of * € $ & + } { ' \" \\"],
    ['quote"d12345', "password: must not contain any of * € $ & + } { ' \" \\"],
    ["back\\slash12", "password: must not contain any of * € $ & + } { ' \" \\"],
  ])("refuses %s", (password, failure) => {
    expect(passwordFailures(password)).toEqual([failure]);
  });

  it.each(["abcdefg1", "Secret-Pass#2024", "ABCDEFG1", "a1b2c3d4e5f6g7h8i9j0"])("accepts %s", (password) => {
    expect(passwordFailures(password)).toEqual([]);
  });

  it("holds for an account's FTP password, which is optional", () => {
    expect(checkInputs(Account, { identifier: "example.com", servicepackId: 7 }).failures).toEqual([]);
    expect(checkInputs(Account, { identifier: "example.com", servicepackId: 7, ftpPassword: "nodigits" }).failures).toEqual([
      { property: "ftpPassword", reason: "must contain at least one digit (0-9)" },
    ]);
  });
});

describe("Account Check", () => {
  it("refuses a servicepack change that keeps the identifier: the API can change neither, nor delete the old account", () => {
    const olds = { identifier: "example.com", servicepackId: 7 };
    const [failure] = checkInputs(Account, { identifier: "Example.com", servicepackId: 8 }, olds).failures;
    expect(failure.property).toBe("servicepackId");
    expect(failure.reason).toMatch(/^cannot change while the identifier stays/);
    expect(checkInputs(Account, { identifier: "example.net", servicepackId: 8 }, olds).failures).toEqual([]);
  });

  it("wants positive whole servicepack ids", () => {
    expect(checkInputs(Account, { identifier: "example.com", servicepackId: 0 }).failures).toEqual([
      { property: "servicepackId", reason: "must be a servicepack id, a positive number" },
    ]);
    expect(checkInputs(Account, { identifier: "example.com", servicepackId: 1.5 }).failures).toEqual([{ property: "servicepackId", reason: "must be a servicepack id, a whole number" }]);
  });
});

describe("MySQL database names", () => {
  it("are asked for without the prefix Combell adds, and read back without it", () => {
    expect(unprefixedDatabaseName("ID111125_tests")).toBe("tests");
    expect(unprefixedDatabaseName("ID111125_my_shop")).toBe("my_shop");
    expect(unprefixedDatabaseName("plain")).toBe("plain");
    for (const name of ["my-db", "My_DB", "x"]) {
      expect(checkInputs(MysqlDatabase, { ...database, databaseName: name, password: "abcdefg1" }).failures).toEqual([
        { property: "databaseName", reason: "must be 2 to 14 lowercase letters and digits" },
      ]);
    }
    expect(checkInputs(MysqlDatabase, { ...database, databaseName: "abcdefghijklmno", password: "abcdefg1" }).failures).toEqual([
      { property: "databaseName", reason: "must be at most 14 characters" },
    ]);
  });
});

describe("SSH public keys", () => {
  it("are of a type a Linux hosting takes", () => {
    const key = publicKey();
    expect(key.safeParse("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFeckW6xwhA1E3TE1UBWQzVbiFYrJRqHbe2bGi99ncXA me").success).toBe(true);
    const dss = key.safeParse("ssh-dss AAAAB3NzaC1kc3MAAACBAP1/U4EddRIpUt9KnC7s5Of2EbdSPO9EAMMeP4C2USZp me");
    expect(dss.success).toBe(false);
    expect(dss.error!.issues[0]!.message).toMatch(/must be a key of a type Linux hostings take: ssh-ed25519, ssh-rsa/);
  });
});
