import type { OperationContext } from "../../http/client";
import { JobFailedError } from "../../http/errors";
import type { CreateContext } from "../../kit/context";
import { idInLinks } from "./links";
import { pendingIdOf } from "./pending-job";
import type { CreateAnswer, ProvisioningJob } from "./provisioning";
import { uriComponent } from "../../http/url";

// The id of a resource a provisioning job creates is known only when the job finishes: its
// resource link. When the wait ends without the link (the deadline, Cancel, a failed job), the
// provider looks once for what the job may already have made (an account by its identifier, a
// database by its account and name): found, it is recorded with its real id, so the next `up`
// finishes it instead of provisioning it twice. Not found while the job may still run, it is
// recorded under the job (pending-job.ts) for the same reason; a failed job made nothing to record.

/** How long the look for a job's result may take once the wait is over (Cancel included). */
const LOOK_AFTER_MS = 10_000;

export interface ProvisionedCreate {
  /** The create's answer. */
  answer: CreateAnswer;
  /** The collection the result's link points into: "accounts", "mysqldatabases". */
  collection: string;
  /** "account example.com", in messages. */
  subject: string;
  /** Follows the job to its resource links. */
  follow: (job: ProvisioningJob, ctx: OperationContext) => Promise<string[]>;
  /** The id of what the job made, when it can be found already; undefined otherwise. */
  find: (ctx: OperationContext) => Promise<string | undefined>;
  /** How to adopt the result later: "pulumi import hosting:combell:Account <name> <account id>". */
  importHint: string;
}

/** What a create answered, for a result found after its answer was lost: a 201 linking to it. */
export function provisioned(collection: string, id: string | number): CreateAnswer & { kind: "created" } {
  return { kind: "created", links: [`/v2/${collection}/${uriComponent(id)}`] };
}

/** After a lost create answer, the document's rule: never provision again while a job may run. */
export const UNTIL_LISTED =
  "A provisioning job may still be making it: wait until Combell lists it, or until you are sure it does not come, before running `pulumi up` again, or it may be provisioned twice";

/** How a lost create's warning names the result found: "account x.be: recorded as 42". */
export const foundAs =
  (subject: string, collection: string) =>
  (answer: CreateAnswer): string =>
    `${subject}: recorded as ${answer.kind === "created" ? idInLinks(answer.links, collection) : `provisioning job ${answer.job.id}`}`;

/**
 * The id of what a create made, recorded through ctx.created the moment it is known: at once
 * for a 201, when the job finishes for a 202. A wait that fails is rethrown after the look
 * described above.
 */
export async function provisionedId(ctx: CreateContext<unknown>, create: ProvisionedCreate): Promise<string> {
  const { answer, collection, subject } = create;
  if (answer.kind === "created") {
    const id = idInLinks(answer.links, collection);
    if (id === undefined) return recoverOrThrow(ctx, create, undefined, new Error(unlinked(subject, "Combell", answer.links)));
    ctx.created(id);
    return id;
  }
  const { job } = answer;
  ctx.log(`Combell accepted the ${subject}; following provisioning job ${job.id}`);
  let links: string[];
  try {
    links = await create.follow(job, ctx);
  } catch (error) {
    return recoverOrThrow(ctx, create, job, error);
  }
  const id = idInLinks(links, collection);
  if (id === undefined) return recoverOrThrow(ctx, create, job, new Error(unlinked(subject, `Provisioning job ${job.id}`, links)));
  ctx.created(id);
  return id;
}

function unlinked(subject: string, who: string, links: readonly string[]): string {
  return `${who} reported the ${subject} created, but with no link to it (links: ${links.length > 0 ? links.join(", ") : "none"})`;
}

async function recoverOrThrow(ctx: CreateContext<unknown>, create: ProvisionedCreate, job: ProvisioningJob | undefined, error: unknown): Promise<never> {
  // A cancelled job made nothing: there is nothing to look for or to adopt later.
  if (error instanceof JobFailedError && error.status === "cancelled") throw error;
  // Cancel has fired or the deadline has passed: the look gets a short time of its own.
  const look: OperationContext = { deadline: Date.now() + LOOK_AFTER_MS, log: ctx.log };
  const found = await create.find(look).catch(() => undefined);
  if (found !== undefined) {
    ctx.created(found);
    ctx.warn(`the ${create.subject} exists as ${found} and is recorded in the stack; the next \`pulumi up\` finishes it`);
  } else if (job && !(error instanceof JobFailedError)) {
    // Still running as far as anyone knows: recorded under the job, so it is never provisioned twice.
    ctx.created(pendingIdOf(job.id));
    ctx.warn(
      `the ${create.subject} is recorded in the stack under provisioning job ${job.id}, which has not finished; ` +
        "once it has, `pulumi refresh` records it under its id (`pulumi up` follows the job and says so); it is not provisioned again",
    );
  } else if (job) {
    ctx.warn(
      `the ${create.subject} is not recorded in the stack: provisioning job ${job.id} may still create it. ` +
        `Do not run \`pulumi up\` again before the job has finished (GET /v2/provisioningjobs/${job.id}), or it is provisioned twice; ` +
        `once it has, adopt the result with \`${create.importHint}\``,
    );
  }
  throw error;
}
