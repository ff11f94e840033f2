import type { RefusalRule } from "../../kit/refusal-table";

// What the panel refuses that a program caused (the document's 400, 403, 404, 409, 422, and the
// real panel's 400s FACTS.md gives), and what to do about it. A wrong key (401) is the kit's
// rule for every API.
export const pterodactylRefusals: RefusalRule[] = [
  {
    status: [400, 409, 422],
    message: /already (exists|been taken)/i,
    field: "database",
    problem: "is already taken on this server",
    remedy: "choose another name, or adopt the existing database with {import}",
  },
  {
    status: 400,
    message: /over the defined limit|too many databases/i,
    field: "serverId",
    problem: "names a server that has all the databases its limit allows",
    remedy: "raise the server's database limit in the panel (Servers > Build Configuration) or drop a database it no longer needs",
  },
  {
    status: 422,
    message: /\bhost\b/i,
    field: "host",
    problem: "is not a database host of this panel",
    remedy: "use the id of a host listed under Admin > Databases",
  },
  {
    status: 404,
    on: ["create"],
    field: "serverId",
    problem: "names no server of this panel",
    remedy: "check the id (Admin > Servers lists them)",
  },
  {
    status: 403,
    field: "hosting:pterodactylApiKey",
    problem: "may not manage server databases (403 Forbidden)",
    remedy: "give the Application API key Read & Write on Server Databases (Admin > Application API)",
  },
];
