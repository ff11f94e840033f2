export {
  HttpClient,
  type AuthorizeRequest,
  type HttpClientOptions,
  type HttpMethod,
  type HttpRequest,
  type HttpResponse,
  type OperationContext,
  type RequestOptions,
} from "./client";
export {
  ApiError,
  BadRequestError,
  CancelledError,
  ConflictError,
  DeadlineExceededError,
  ForbiddenError,
  isNotFound,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  RequestTimeoutError,
  ServerError,
  UnauthorizedError,
} from "./errors";
export { SecretRedactor, secrets } from "./redact";
export { backoffDelay, retryAfterMs, sleep, type BackoffOptions } from "./backoff";
export { collect, offsetPages, paginate, type OffsetPage, type OffsetPagesOptions, type Page } from "./paginate";
export { waitFor, type PollResult, type WaitForOptions } from "./wait";
export { formatDuration } from "./duration";
