import type { Dispatcher } from "undici";

export interface ExchangeRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface ExchangeAnswer {
  status: number;
  /** As undici parses them: lowercased names, repeated ones as lists. */
  headers: Record<string, string | string[] | undefined>;
  /** The whole body of a 2xx answer; at most MAX_ERROR_BODY_BYTES of any other. */
  text: string;
}

// An error answer is only ever shown as one line, and its start says what went wrong: a proxy's
// page of tens of megabytes would otherwise be scanned for secrets and squashed, for every retry.
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

export interface Exchange {
  answer: Promise<ExchangeAnswer>;
  /**
   * Ends the exchange at once: `answer` rejects with `reason`, and the request is aborted on its
   * connection (or, still queued for one, as soon as it gets one). Later calls do nothing.
   */
  abort(reason: Error): void;
}

/**
 * One request and its whole answer over undici's dispatch API. request() would wrap the body in
 * a stream and the abort in an AbortSignal of its own, for every request; an API client reads
 * every body whole, so the chunks are simply collected. An error answer's body beyond the limit
 * is not read: that connection is closed instead.
 */
export function exchange(dispatcher: Dispatcher, request: ExchangeRequest): Exchange {
  let abort: Exchange["abort"] = () => undefined;
  const answer = new Promise<ExchangeAnswer>((resolve, reject) => {
    let settled = false;
    let controller: Dispatcher.DispatchController | undefined;
    let abortReason: Error | undefined;
    let status = 0;
    let headers: ExchangeAnswer["headers"] = {};
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    const finish = () => {
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      const text = (body.length > MAX_ERROR_BODY_BYTES && !isSuccess(status) ? body.subarray(0, MAX_ERROR_BODY_BYTES) : body).toString("utf8");
      settle(() => resolve({ status, headers, text }));
    };
    abort = (reason) => {
      if (settled) return;
      abortReason = reason;
      controller?.abort(reason);
      settle(() => reject(reason));
    };
    dispatcher.dispatch(
      { origin: request.url.origin, path: `${request.url.pathname}${request.url.search}`, method: request.method as Dispatcher.HttpMethod, headers: request.headers, body: request.body },
      {
        onRequestStart(started) {
          controller = started;
          if (abortReason) started.abort(abortReason);
        },
        onResponseStart(_controller, statusCode, responseHeaders) {
          // 1xx answers come before the real one, whose status and headers count.
          status = statusCode;
          headers = responseHeaders;
        },
        onResponseData(dataController, chunk) {
          if (settled) return;
          chunks.push(chunk);
          size += chunk.length;
          if (size >= MAX_ERROR_BODY_BYTES && !isSuccess(status)) {
            // Enough to show; the rest is not read, and the aborted connection is not reused.
            finish();
            dataController.abort(new Error("error answer cut short"));
          }
        },
        onResponseEnd() {
          finish();
        },
        onResponseError(_controller, error) {
          settle(() => reject(error));
        },
      },
    );
  });
  return { answer, abort: (reason) => abort(reason) };
}

const isSuccess = (status: number) => status >= 200 && status < 300;
