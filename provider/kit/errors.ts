/** A property that breaks a rule. `property` is a path such as "user.password" or "domains[1]". */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** Bad input found after Check (for example, rejected by the API): names the property and the rule. */
export class InputError extends Error {
  constructor(readonly failures: CheckFailure[]) {
    super(failures.map((f) => (f.property ? `${f.property}: ${f.reason}` : f.reason)).join("; "));
    this.name = "InputError";
  }
}
