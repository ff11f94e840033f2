import { NotFoundError } from "../../http/errors";
import type { ResourceContext } from "../../kit/context";
import type { Observed } from "../../kit/resource";
import type { CombellClient } from "./client";
import { segment } from "./client-core";
import { idInLinks } from "./links";
import type { ProvisioningJob } from "./provisioning";

// A create whose provisioning job is still running when the wait ends (the user's timeout,
// Cancel, an API that stopped answering) is recorded under the job: "provisioning-job:{id}".
// Recorded, it is never provisioned a second time; the document forbids a new create before the
// job has ended. Read looks at the job: still running, the recorded state stands; finished,
// the resource is read under its real id, which a refresh records from then on; failed or
// cancelled, nothing was made and the resource is gone. An update follows the job and then asks
// for that refresh (an id cannot change in an update); a delete removes what the job made.

const PREFIX = "provisioning-job:";

export function pendingIdOf(jobId: string): string {
  return `${PREFIX}${jobId}`;
}

function jobOf(id: string): ProvisioningJob | undefined {
  if (!id.startsWith(PREFIX) || id.length === PREFIX.length) return undefined;
  const jobId = id.slice(PREFIX.length);
  return { id: jobId, path: `/provisioningjobs/${segment(jobId)}` };
}

type Ctx = ResourceContext<CombellClient>;

/** What the job made, where the resource is recorded under it. */
export interface PendingKind {
  /** The collection the job's link points into: "accounts". */
  collection: string;
  /** "account", in messages. */
  subject: string;
}

function realIdOf(kind: PendingKind, job: ProvisioningJob, links: readonly string[]): string {
  const id = idInLinks(links, kind.collection);
  if (id === undefined) throw new Error(`Provisioning job ${job.id} finished without a link to the ${kind.subject} it made (links: ${links.join(", ") || "none"})`);
  return id;
}

/** One look at the job; a job Combell no longer knows cannot say what it made: the user must. */
async function look(ctx: Ctx, job: ProvisioningJob, kind: PendingKind) {
  try {
    return await ctx.client.lookAtJob(job, ctx);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    throw new Error(
      `the ${kind.subject} is recorded under provisioning job ${job.id}, which Combell no longer knows: find what it made in the Combell control panel, ` +
        "then `pulumi state delete` this resource and `pulumi import` the result under its id",
    );
  }
}

/** Reads the resource, also one recorded under its provisioning job. */
export async function readProvisioned<I, O>(
  ctx: Ctx,
  id: string,
  kind: PendingKind,
  readReal: (realId: string) => Promise<Observed<I, O> | undefined>,
): Promise<Observed<I, O> | undefined> {
  const job = jobOf(id);
  if (!job) return readReal(id);
  const state = await look(ctx, job, kind);
  if (state.state === "running") return { inputs: {} as I, outputs: {} as O, pending: `provisioning job ${job.id} has not finished` };
  if (state.state === "failed") {
    ctx.warn(`provisioning job ${job.id} ended "${state.status}": it made no ${kind.subject}, and the resource leaves the stack`);
    return undefined;
  }
  const realId = realIdOf(kind, job, state.value);
  const observed = await readReal(realId);
  return observed && { ...observed, realId };
}

/** The id to update under; for one recorded under its job, follows the job and asks for a refresh. */
export async function updatableId(ctx: Ctx, id: string, kind: PendingKind): Promise<string> {
  const job = jobOf(id);
  if (!job) return id;
  ctx.log(`the ${kind.subject} is recorded under provisioning job ${job.id}; following it`);
  const realId = realIdOf(kind, job, await ctx.client.followJob(job, `create ${kind.subject}`, ctx));
  throw new Error(
    `provisioning job ${job.id} has finished: the ${kind.subject} is ${realId}. Run \`pulumi refresh\` to record it under that id, then \`pulumi up\` again`,
  );
}

/** The id to delete; undefined when a job that was recorded made nothing. */
export async function deletableId(ctx: Ctx, id: string, kind: PendingKind): Promise<string | undefined> {
  const job = jobOf(id);
  if (!job) return id;
  const state = await look(ctx, job, kind);
  if (state.state === "failed") return undefined;
  if (state.state === "running") {
    throw new Error(`the ${kind.subject} is still being provisioned by job ${job.id}: destroy it once the job has finished (GET /v2/provisioningjobs/${job.id})`);
  }
  return realIdOf(kind, job, state.value);
}
