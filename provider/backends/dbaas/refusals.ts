import type { RefusalRule } from "../../kit/refusal-table";

// What the DBaaS refuses that a program caused, and what to do about it. A wrong token (401) is
// the kit's rule for every API.
export const dbaasRefusals: RefusalRule[] = [
  {
    status: 403,
    message: /scope/i,
    field: "hosting:dbaasApiToken",
    problem: "lacks the scope this needs (403 Forbidden)",
    remedy: "make a token with the databases:read and databases:write scopes and set it with `pulumi config set --secret hosting:dbaasApiToken <token>`",
  },
  {
    status: 400,
    problem: "was refused by the DBaaS",
    remedy: "choose a value the platform offers (its plans, regions and engine versions)",
  },
];
