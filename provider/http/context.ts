export interface OperationContext {
  signal?: AbortSignal;
  /** Epoch ms after which the whole operation must give up (Pulumi's customTimeouts). */
  deadline?: number;
  /** User-visible progress, e.g. "rate limited by ServerPilot, retrying in 5s". */
  log?: (message: string) => void;
  /** Detail for debugging (the request log), tied to the resource like `log`. */
  debug?: (message: string) => void;
}
