// The one error shape of the ServerPilot API: {"error": {"message": "..."}} with
// an HTTP status. Thrown anywhere in the emulator and turned into a response.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  toBody(): { error: { message: string } } {
    return { error: { message: this.message } };
  }
}

export const badRequest = (message: string) => new ApiError(400, message);
export const notFound = (message: string) => new ApiError(404, message);
export const conflict = (message: string) => new ApiError(409, message);
