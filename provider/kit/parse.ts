import type { z } from "zod";

/** An API answered 2xx with a body the provider does not understand: a changed or broken API. */
export class UnexpectedAnswerError extends Error {
  constructor(what: string, issues: z.core.$ZodIssue[]) {
    const described = issues
      .slice(0, 3)
      .map((issue) => `${issue.path.map(String).join(".") || "(the body)"}: ${issue.message}`)
      .join("; ");
    super(`${what} answered in a shape the provider does not understand (${described}); nothing was recorded from it`);
    this.name = "UnexpectedAnswerError";
  }
}

/**
 * Parses an API's answer at the boundary, so a changed API fails loudly, naming the call and the
 * field, instead of writing garbage into the state.
 */
export function parseAnswer<T extends z.ZodType>(schema: T, body: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new UnexpectedAnswerError(what, parsed.error.issues);
  return parsed.data;
}
