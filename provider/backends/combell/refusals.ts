import type { RefusalRule } from "../../kit/refusal-table";

// What the reseller API refuses that a program caused, and what to do about it. Its 400s carry
// error codes that "will stay the same" (the document), read into each message as "(code)"; the
// input each one is about is the field the message names (api-errors.ts). A wrong key or
// signature (401) is the kit's rule for every API.
export const combellRefusals: RefusalRule[] = [
  {
    status: 400,
    resources: ["Account"],
    message: /servicepack/i,
    field: "servicepackId",
    problem: "is not a servicepack of this reseller",
    remedy: "use an id that getServicepacks lists",
  },
  {
    status: 400,
    message: /"account_id"|account_id|not one of your accounts|whose servicepack has no/i,
    field: "accountId",
    problem: "is not an account of this reseller whose servicepack includes this",
    remedy: "use the id of an account that getAccounts lists, made from a servicepack with it",
  },
  {
    status: 400,
    resources: ["Mailbox"],
    message: /address of the account's domain/i,
    field: "emailAddress",
    problem: "is not an address of the account's domain",
    remedy: "use an address at the domain the account was made for (its identifier)",
  },
  {
    status: 400,
    message: /\(already_exists\)/,
    problem: "is already in use at Combell",
    remedy: "choose another value, or adopt the existing one with {import}",
  },
  {
    status: 400,
    message: /\(out_of_range\)/,
    problem: "is outside the range Combell allows",
    remedy: "choose a value within the range it names",
  },
  {
    status: 400,
    message: /\(ssl_required\)/,
    problem: "needs SSL on the site first",
    remedy: "set letsEncrypt for one of the site's host names, apply it, then set this",
  },
  {
    status: 404,
    resources: ["DnsRecord"],
    on: ["create"],
    field: "domainName",
    problem: "has no DNS zone at this reseller: the domain is not yours, or not registered yet",
    remedy: "register or transfer it with hosting:combell:Domain first, or check the spelling (getDomains lists yours)",
  },
  {
    status: 404,
    resources: ["SshKey", "Subsite", "LinuxHostingSettings"],
    on: ["create", "update"],
    field: "domainName",
    problem: "is not a Linux hosting of this reseller",
    remedy: "check the domain name (getLinuxHostings lists the hostings)",
  },
  {
    status: 403,
    field: "hosting:combellApiKey",
    problem: "may not do this (403 Forbidden)",
    remedy: "give the API user the role it needs in the Combell control panel (API settings)",
  },
];
