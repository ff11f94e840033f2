import { NetworkError, RequestTimeoutError, ServerError } from "../http/errors";
import type { ResourceContext } from "./context";

// A create is sent once: a POST is never repeated. Where its answer was lost (the connection
// broke, it timed out, or the API failed after making the thing), what the API lists says
// whether it was made: the one made since just before the POST with the program's name is this
// resource, so it is neither leaked nor made twice.

/** How much older than the POST a thing found after a lost answer may look (clocks differ). */
const CLOCK_TOLERANCE_MS = 10 * 60_000;

/**
 * How long the look after a lost answer may go on past the operation's deadline: a create that
 * ran into its deadline is exactly the one whose answer was lost, and giving up on the look
 * leaves what it made to be made a second time by the next `up`.
 */
const LOOK_GRACE_MS = 60_000;

/** The errors after which the API may have made the thing without saying so. */
const answerMayBeLost = (error: unknown): boolean =>
  error instanceof NetworkError || error instanceof RequestTimeoutError || error instanceof ServerError;

/** Whether a thing the API lists with this creation time (ISO 8601, when it gives one) may be the one just asked for. */
function madeSince(createdAt: string | undefined, startedMs: number): boolean {
  const created = createdAt === undefined ? NaN : Date.parse(createdAt);
  return Number.isNaN(created) || created >= startedMs - CLOCK_TOLERANCE_MS;
}

/**
 * Sends the create once. After a lost answer, adopts the one candidate made since just before
 * the POST; none, or more than one (the API cannot say which), and the create's error stands.
 */
export async function createOnce<Made>(
  ctx: ResourceContext<unknown>,
  options: {
    /** Who answers: "the panel", "WisPanel". */
    api: string;
    create: () => Promise<Made>;
    /**
     * What the API lists now with the program's natural key (its name, or every input where names
     * are not unique), asked with `look`: the create's context, its deadline extended.
     */
    candidates: (look: ResourceContext<unknown>) => Promise<Made[]>;
    createdAt: (made: Made) => string | undefined;
    /** How the warning names what was found: "s1_stats: recorded as 1/7". */
    describe: (made: Made) => string;
  },
): Promise<Made> {
  const started = Date.now();
  try {
    return await options.create();
  } catch (error) {
    if (!answerMayBeLost(error)) throw error;
    const look = { ...ctx, deadline: ctx.deadline === undefined ? undefined : Math.max(ctx.deadline, Date.now() + LOOK_GRACE_MS) };
    // A failed look is no answer: the create's own error says more.
    const recent = (await options.candidates(look).catch(() => [])).filter((made) => madeSince(options.createdAt(made), started));
    if (recent.length !== 1) throw error;
    const [found] = recent;
    ctx.warn(`${options.api}'s answer to the create was lost (${error instanceof Error ? error.message : String(error)}), but it had made ${options.describe(found)}`);
    return found;
  }
}
