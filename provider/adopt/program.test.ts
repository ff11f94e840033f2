import { describe, expect, it } from "vitest";
import { registry } from "../registry";
import type { Adopted } from "./adopted";
import { programText } from "./program";

const adopted = (token: string, fields: Partial<Adopted>): Adopted => ({
  resource: registry().resources.get(token)!,
  module: token.split(":")[1],
  kind: token.split(":")[2],
  id: "",
  inputs: {},
  configInputs: [],
  name: "",
  variable: "",
  references: [],
  configKeys: new Map(),
  ...fields,
});

describe("the adopted program", () => {
  const account = adopted("hosting:combell:Account", { id: "42", name: "shop", variable: "accountShop", inputs: { identifier: "shop.example.com", servicepackId: 3001 } });
  const mailbox = adopted("hosting:combell:Mailbox", {
    id: "info@shop.example.com",
    name: "info",
    variable: "mailboxInfo",
    inputs: { emailAddress: "info@shop.example.com", "odd-key": { "www.example.com": true } },
    configInputs: [
      { path: "accountId", secret: false, kind: "number" },
      { path: "password", secret: true, kind: "string" },
    ],
    configKeys: new Map([
      ["accountId", "mailboxInfoAccountId"],
      ["password", "mailboxInfoPassword"],
    ]),
  });

  it("reads config values by their kind, secret or not, and says which to set", () => {
    const text = programText([account, mailbox], { sdk: "@hosting/pulumi", importIds: false });
    expect(text).toContain('accountId: config.requireNumber("mailboxInfoAccountId"),');
    expect(text).toContain('password: config.requireSecret("mailboxInfoPassword"),');
    expect(text).toContain("//   pulumi config set mailboxInfoAccountId <value>");
    expect(text).toContain("//   pulumi config set --secret mailboxInfoPassword <value>");
    expect(text).toContain('"odd-key": {\n    "www.example.com": true,\n  },');
    expect(text).toContain(`const accountShop = new hosting.combell.Account("shop", {\n  identifier: "shop.example.com",\n  servicepackId: 3001,\n}, { protect: true });`);
  });

  it("adopts through the import option when asked, and needs no config when nothing is secret", () => {
    const text = programText([account], { sdk: "@hosting/pulumi", importIds: true });
    expect(text).toContain('}, { protect: true, import: "42" });');
    expect(text).not.toContain("new pulumi.Config()");
  });
});
