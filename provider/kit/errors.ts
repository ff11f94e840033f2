/** A property that breaks a rule. `property` is a path such as "user.password" or "domains[1]". */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** Bad input found after Check (for example, rejected by the API): names the property and the rule. */
export class InputError extends Error {
  /**
   * `message`: the whole sentence, when it says more than the failures one after the other;
   * `cause`: the API's refusal it was read from, for the resource's refusal table.
   */
  constructor(
    readonly failures: CheckFailure[],
    options: { message?: string; cause?: unknown } = {},
  ) {
    super(options.message ?? failures.map((f) => (f.property ? `${f.property}: ${f.reason}` : f.reason)).join("; "), { cause: options.cause });
    this.name = "InputError";
  }
}

/** An API's refusal that is about no input (credentials, a plan), explained to the user; `cause` is the ApiError. */
export class RefusalError extends Error {
  constructor(
    message: string,
    readonly cause: unknown,
  ) {
    super(message, { cause });
    this.name = "RefusalError";
  }
}
