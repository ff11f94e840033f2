import { ApiError, UnauthorizedError } from "../http/errors";
import { credentialHint, type Api } from "./api";
import { InputError, RefusalError } from "./errors";
import { metaOf } from "./fields";
import { fieldAt } from "./introspect";
import { splitToken, type Resource } from "./resource";
import { valueAt } from "./write-only";

// What a user did that an API refused (a name taken, a limit reached, a parent that does not
// exist, credentials it does not accept), said as one sentence:
//   <Kind> "<name>": <field> <what is wrong>; <what to do> (<what the API said>)
// Each API declares its refusals once, as a table next to its client (backends/<api>/refusals.ts);
// the lifecycle explains every failed create, update and delete through it.

/** The operation that was refused. */
export type RefusedOperation = "create" | "read" | "update" | "delete";

export interface RefusalRule {
  /** The answers it explains: their statuses, and a pattern the API's message matches. */
  status: number | number[];
  message?: RegExp;
  /** The resources (type names: "App") it is about; every resource of the API when left out. */
  resources?: string[];
  /** Which operations; all when left out. A 404 names a parent only on a create. */
  on?: RefusedOperation[];
  /**
   * The input it is about ("user.name"), or a config key ("hosting:dbaasApiToken") when none is;
   * left out, the input the backend read from the API's message (a field the answer names).
   */
  field?: string;
  /** What is wrong, said after the field and its value: "is already taken on this server". */
  problem: string;
  /** What the user can do. `{import}` becomes the `pulumi import` command for this resource. */
  remedy: string;
}

export interface RefusalContext {
  resource: Pick<Resource, "token" | "inputs" | "api">;
  /** The resource's name in the program (the URN's last part). */
  name: string;
  inputs: Record<string, unknown>;
  operation: RefusedOperation;
}

/** The API's refusal behind an error: the ApiError itself, or the one a backend read into an InputError. */
function refusalOf(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof InputError && error.cause instanceof ApiError) return error.cause;
  return undefined;
}

function matches(rule: RefusalRule, refusal: ApiError, context: RefusalContext): boolean {
  const statuses = [rule.status].flat();
  if (!statuses.includes(refusal.status)) return false;
  if (rule.message && !rule.message.test(refusal.apiMessage ?? "")) return false;
  if (rule.resources && !rule.resources.includes(typeName(context.resource.token))) return false;
  return !rule.on || rule.on.includes(context.operation);
}

const typeName = (token: string) => splitToken(token).name;

/** Every API refuses wrong credentials the same way: the fix is in its config variables. */
function credentialRule(api: Api): RefusalRule {
  const keys = api.variables.filter((v) => v.required && v.secret).map((v) => `hosting:${v.key}`);
  return {
    status: 401,
    field: keys.join(" and ") || `the ${api.name} credentials`,
    problem: `was not accepted by ${api.name} (401 Unauthorized): the key is wrong, revoked or expired`,
    remedy: credentialHint(api),
  };
}

/** The input's value, quoted, when it is short and no secret: the user sees which one was refused. */
function shownValue(context: RefusalContext, field: string): string {
  const schema = fieldAt(context.resource.inputs, field);
  const value = valueAt(context.inputs, field);
  if (!schema || metaOf(schema)?.secret) return "";
  if (typeof value !== "string" && typeof value !== "number") return "";
  const text = String(value);
  return text.length <= 80 ? ` "${text}"` : "";
}

/**
 * The error as the user should read it: a refusal the API's table (or the credential rule)
 * knows becomes its sentence, on the input it is about; anything else comes back unchanged.
 */
export function explainRefusal(error: unknown, context: RefusalContext, table: readonly RefusalRule[]): unknown {
  const refusal = refusalOf(error);
  const explained = refusal && explainedBy(table, refusal, error, context);
  if (explained) return explained;
  // Bad input a backend found itself (an account that exists already) still names its resource.
  if (error instanceof InputError) return new InputError(error.failures, { message: `${subject(context)}: ${error.message}`, cause: error.cause });
  return error;
}

function subject(context: RefusalContext): string {
  return `${context.resource.api.name} ${typeName(context.resource.token)} "${context.name}"`;
}

function explainedBy(table: readonly RefusalRule[], refusal: ApiError, error: unknown, context: RefusalContext): Error | undefined {
  const rules = refusal instanceof UnauthorizedError ? [...table, credentialRule(context.resource.api)] : table;
  const rule = rules.find((r) => matches(r, refusal, context));
  if (!rule) return undefined;
  // The backend's reading of the answer: which input each explanation is about, with an id to import where it found one.
  const failures = error instanceof InputError ? error.failures : [];
  const read = rule.field !== undefined ? failures.find((f) => f.property === rule.field) : failures.find((f) => f.property !== "" && (!rule.message || rule.message.test(f.reason)));
  const field = rule.field ?? read?.property;
  if (field === undefined) return undefined;
  const importCommand = `\`pulumi import ${context.resource.token} ${context.name} <id>\``;
  const remedy = rule.remedy.replace("{import}", importCommand);
  // What the backend read from the answer (with an id to import where it found one), or the API error itself.
  const said = read ? `${read.property}: ${read.reason}` : refusal.message;
  const isInput = Object.hasOwn(context.resource.inputs, field.split(".")[0]!);
  const value = isInput ? shownValue(context, field) : "";
  const reason = `${rule.problem}; ${remedy} (${said})`;
  const message = `${subject(context)}: ${field}${value} ${reason}`;
  if (!isInput) return new RefusalError(message, refusal);
  if (read) return new InputError(failures, { message, cause: refusal });
  return new InputError([{ property: field, reason: `${value.trim() ? `${value.trim()} ` : ""}${reason}` }], { message, cause: refusal });
}
