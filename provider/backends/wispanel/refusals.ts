import type { RefusalRule } from "../../kit/refusal-table";

// What WisPanel refuses that a program caused (the document's 400, 403, 404, 409), and what to do
// about it. A wrong key (401) is the kit's rule for every API.
export const wisPanelRefusals: RefusalRule[] = [
  {
    status: 409,
    message: /user already exists/i,
    field: "user",
    problem: "is already the user of another database of this panel user",
    remedy: "choose another user name",
  },
  {
    status: 409,
    field: "name",
    problem: "is already a database of this panel user",
    remedy: "choose another name, or adopt the existing database with {import}",
  },
  {
    status: 403,
    field: "name",
    problem: "is a database of another panel user",
    remedy: "use a key of the database's owner, or an admin's key",
  },
];
