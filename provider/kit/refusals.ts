import { ApiError, BadRequestError } from "../http/errors";
import { InputError, type CheckFailure } from "./errors";

// An API that refuses what it was sent (a name taken, a password too weak) explains it in a
// message; each backend's errorMessage hook joins the explanations of one answer with
// REFUSAL_SEPARATOR. Here each explanation is tied to the input it is about, so Pulumi shows
// it next to that property. Only how an explanation names its input differs between APIs.

/** Joins the explanations of one answer in an ApiError's apiMessage. */
export const REFUSAL_SEPARATOR = "; ";

export interface RefusalReading {
  /** The input(s) one explanation is about; none leaves it about the request as a whole. */
  inputsOf: (line: string) => string | string[] | undefined;
  /** Which errors refuse the inputs sent; default: 400 and 422 (BadRequestError). */
  refuses?: (error: ApiError) => boolean;
  /** Whether the reason shows the status: for APIs that refuse with several. */
  showStatus?: boolean;
  /**
   * For an API whose explanations naming no input only sum up the others ("The given data was
   * invalid."): they are left out once another names an input. Otherwise each is kept, unnamed.
   */
  unnamedSumUp?: boolean;
}

/**
 * A refusal as an InputError on the inputs its explanations name; anything else, or a refusal
 * naming none of them, comes back unchanged. Messages are the ApiError's own, already without secrets.
 */
export function refusalAsInputError(error: unknown, reading: RefusalReading): unknown {
  if (!(error instanceof ApiError) || !error.apiMessage) return error;
  if (!(reading.refuses ?? ((e) => e instanceof BadRequestError))(error)) return error;
  const refused = `${error.apiName} refused it${reading.showStatus ? ` (${error.status})` : ""}: `;
  const failures: CheckFailure[] = error.apiMessage.split(REFUSAL_SEPARATOR).flatMap((line) => {
    const inputs = [reading.inputsOf(line) ?? []].flat();
    return (inputs.length > 0 ? inputs : [""]).map((property) => ({ property, reason: refused + line }));
  });
  if (failures.every((f) => f.property === "")) return error;
  return new InputError(reading.unnamedSumUp ? failures.filter((f) => f.property !== "") : failures, { cause: error });
}

/** Runs a call that sends the user's inputs, turning the API's refusals into InputErrors. */
export async function refusalsAsInputErrors<T>(reading: RefusalReading, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw refusalAsInputError(error, reading);
  }
}
