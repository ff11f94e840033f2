// The one error shape of the ServerPilot API: {"error": {"message": "..."}} with
// an HTTP status. Routes throw the base's EmulatorError; these are its
// ServerPilot spellings, and the errorBody the base renders them with.
import { EmulatorError } from "./base";

export { EmulatorError as ApiError };

export const serverPilotErrorBody = (_status: number, message: string) => ({ error: { message } });

export const badRequest = (message: string) => new EmulatorError(400, message);
export const notFound = (message: string) => new EmulatorError(404, message);
export const conflict = (message: string) => new EmulatorError(409, message);

const SHOWN_CHARACTERS = 64;

/** A value from a request, quoted for a message; cut short so a huge value does not come back whole. */
export function shown(value: string): string {
  return value.length <= SHOWN_CHARACTERS ? `"${value}"` : `"${value.slice(0, SHOWN_CHARACTERS)}..." (${value.length} characters)`;
}
