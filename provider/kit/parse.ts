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
  if (parsed.success) return parsed.data;
  // The HTTP client hands over the text of a 2xx body that is not JSON: say so, not "expected object".
  if (typeof body === "string" && parsed.error.issues.some((issue) => issue.path.length === 0)) {
    throw new UnexpectedAnswerError(what, [{ code: "custom", path: [], message: `not JSON but ${body.length} characters of text`, input: body }]);
  }
  throw new UnexpectedAnswerError(what, parsed.error.issues);
}

/**
 * Parses the answer to a create, handing `accepted` the id that `idOf` finds in it first: the
 * API made the thing once it answered 2xx, so a malformed rest of the answer must not lose it
 * (the caller records it, and the next `up` reads what it can).
 */
export function parseCreatedAnswer<T extends z.ZodType>(
  schema: T,
  body: unknown,
  what: string,
  idOf: (body: unknown) => string | undefined,
  accepted: (id: string) => void,
): z.infer<T> {
  const id = idOf(body);
  if (id !== undefined && id !== "") accepted(id);
  return parseAnswer(schema, body, what);
}

/** The `id` string at the top of an answer (`{"id": "john_mydb", ...}`), if there is one. */
export function topLevelId(body: unknown): string | undefined {
  const id = body !== null && typeof body === "object" ? (body as { id?: unknown }).id : undefined;
  return typeof id === "string" ? id : undefined;
}
