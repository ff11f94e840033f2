import type { OperationContext } from "../http/context";
import { CancelledError, DeadlineExceededError, NetworkError, RequestTimeoutError, ServerError } from "../http/errors";
import { secrets } from "../http/redact";
import { waitFor } from "../http/wait";
import type { ResourceContext } from "./context";
import { urnName } from "./urn";

// A create is sent once: a POST is never repeated. Where its answer was lost (the connection
// broke, it timed out, or the API failed after making the thing), what the API lists says
// whether it was made: the one made since just before the POST with the program's natural key
// is this resource, so it is neither leaked nor made twice. Where the API cannot tell (nothing
// listed yet, or more than one candidate), the error says it may exist and how to adopt it.

/** How much older than the POST a thing found after a lost answer may look (clocks differ). */
const CLOCK_TOLERANCE_MS = 10 * 60_000;

/**
 * How long the look may take when the create's own time is up (its deadline passed, or Cancel),
 * and at least how long it has after a lost answer that came late in the create's time.
 */
const LOOK_AFTER_MS = 10_000;

/**
 * How long to keep looking, within the create's own time, for a thing made by a job that the
 * API lists only once the job is done: a create whose answer was lost may well have started one.
 */
const LISTED_WITHIN_MS = 2 * 60_000;

/** The errors after which the API may have made the thing without saying so. */
const answerMayBeLost = (error: unknown): boolean =>
  error instanceof NetworkError ||
  error instanceof RequestTimeoutError ||
  error instanceof ServerError ||
  ((error instanceof DeadlineExceededError || error instanceof CancelledError) && error.mayHaveArrived);

/**
 * One of the look's own when the create ran out of time or was cancelled; otherwise the create's,
 * its deadline at least LOOK_AFTER_MS away: a POST that timed out a moment before the deadline
 * left its look no time, and what it made was made again by the next up.
 */
const lookContext = (ctx: ResourceContext<unknown>, error: unknown): OperationContext =>
  error instanceof DeadlineExceededError || error instanceof CancelledError
    ? { deadline: Date.now() + LOOK_AFTER_MS, log: (line) => ctx.log(line) }
    : { ...ctx, deadline: ctx.deadline === undefined ? undefined : Math.max(ctx.deadline, Date.now() + LOOK_AFTER_MS) };

/** Whether a thing the API lists with this creation time (ISO 8601, when it gives one) may be the one just asked for. */
function madeSince(createdAt: string | undefined, startedMs: number): boolean {
  const created = createdAt === undefined ? NaN : Date.parse(createdAt);
  return Number.isNaN(created) || created >= startedMs - CLOCK_TOLERANCE_MS;
}

export interface CreateOnceOptions<Made> {
  /** Who answers: "the panel", "WisPanel". */
  api: string;
  /** What was asked for, in messages: "server web1", "MySQL database shop". */
  subject: string;
  /** The resource's type token, for the `pulumi import` command the error gives. */
  token: string;
  /** What `pulumi import` takes as the id, in that command: "<server id>". */
  importId: string;
  create: () => Promise<Made>;
  /**
   * What the API lists now with the program's natural key (its name, or every input where names
   * are not unique), asked under `look`: after a deadline or Cancel, the create's own context is spent.
   */
  candidates: (look: OperationContext) => Promise<Made[]>;
  /** When the API made it (ISO 8601); absent where the API does not say, and the natural key alone decides. */
  createdAt?: (made: Made) => string | undefined;
  /** How the warning names what was found: "s1_stats: recorded as 1/7". */
  describe: (made: Made) => string;
  /**
   * For things the API lists only once the job making them is done: the look keeps looking (up
   * to LISTED_WITHIN_MS, within the create's deadline), and when nothing comes, the error says
   * this: what to wait for before the next `up`.
   */
  untilListed?: string;
}

/**
 * Sends the create once. After a lost answer, adopts the one candidate made since just before
 * the POST; none, or more than one (the API cannot say which), and the create fails saying the
 * thing may exist and how to import it.
 */
export async function createOnce<Made>(ctx: ResourceContext<unknown>, options: CreateOnceOptions<Made>): Promise<Made> {
  const started = Date.now();
  try {
    return await options.create();
  } catch (error) {
    if (!answerMayBeLost(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    // A failed look is no answer: the error says what to do without one.
    const look = (lookCtx: OperationContext) =>
      options.candidates(lookCtx).then((found) => found.filter((made) => madeSince(options.createdAt?.(made), started)), () => []);
    let recent = await look(lookContext(ctx, error));
    const timeLeft = !(error instanceof DeadlineExceededError || error instanceof CancelledError);
    if (recent.length === 0 && options.untilListed && timeLeft) recent = await untilListed(ctx, options.subject, look);
    if (recent.length !== 1) throw new Error(secrets.scrub(`${message}. ${mayExist(ctx, options, recent.length)}`), { cause: error });
    const [found] = recent;
    ctx.warn(`${options.api}'s answer to the create was lost (${message}), but it had made ${options.describe(found)}`);
    return found;
  }
}

/** Looks again, backing off, until something is listed, the time is up or the create is cancelled. */
async function untilListed<Made>(ctx: ResourceContext<unknown>, subject: string, look: (ctx: OperationContext) => Promise<Made[]>): Promise<Made[]> {
  ctx.log(`the answer to the create of ${subject} was lost: looking for it until it is listed, for up to ${LISTED_WITHIN_MS / 60_000} minutes`);
  const deadline = Math.min(ctx.deadline ?? Number.POSITIVE_INFINITY, Date.now() + LISTED_WITHIN_MS);
  return waitFor(
    {
      what: `${subject} to be listed`,
      initialDelayMs: 500,
      maxDelayMs: 10_000,
      poll: async (pollCtx) => {
        const found = await look(pollCtx);
        return found.length > 0 ? { done: true, value: found } : { done: false, status: "not listed" };
      },
    },
    { ...ctx, deadline },
  ).catch(() => []);
}

function mayExist(ctx: ResourceContext<unknown>, options: Pick<CreateOnceOptions<unknown>, "api" | "subject" | "token" | "importId" | "untilListed">, found: number): string {
  const command = `\`pulumi import ${options.token} ${urnName(ctx.urn) || "<name>"} ${options.importId}\``;
  const why =
    found === 0
      ? `though it does not list it (yet): if it appears, adopt it with ${command}${options.untilListed ? `. ${options.untilListed}` : ""}`
      : `${found} made since the create match it, and which one is this resource cannot be told: adopt it with ${command}`;
  return `${options.api} may have made the ${options.subject} all the same, ${why}`;
}
