import { Value } from "google-protobuf/google/protobuf/struct_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { secrets } from "../http/redact";
import { checkInputs } from "../kit/check";
import { Changes, diffInputs } from "../kit/diff";
import { InputError } from "../kit/errors";
import { fitsDeclaration, fittingValues, unfitKeys } from "../kit/fits";
import { observedInputs, reconcileInputs } from "../kit/reconcile";
import { explainRefusal, type RefusedOperation } from "../kit/refusal-table";
import type { Resource } from "../kit/resource";
import { urnName, urnType } from "../kit/urn";
import { UNKNOWN, unwrapSecrets, type PropertyMap, type UnwrappedProperties } from "../kit/values";
import { unreadableOf, unreadablePaths, UNREADABLE_KEY, valueAt } from "../kit/write-only";
import { registry } from "../registry";
import { DEFAULT_TIMEOUT_SECONDS, operationFor, timeoutOf, type OperationSource } from "./operation";
import { PartialStateError, recordPartialState } from "./partial-state";
import { pick, rememberSecrets, stateOf } from "./state";
import { diffResponse, toCheckFailure, toJs, toStruct } from "./wire";

/** Check, Diff, Create, Read, Update and Delete: the engine's calls about one resource. */
export class ResourceLifecycle {
  constructor(private readonly source: OperationSource) {}

  async check(req: rpc.CheckRequest): Promise<rpc.CheckResponse> {
    const resource = resourceOf(req.getType(), req.getUrn());
    const news = unwrapSecrets(toJs(req.getNews()));
    // On a create the engine sends an empty map, not nothing: either way there are no olds.
    const olds = req.hasOlds() ? unwrapSecrets(toJs(req.getOlds())) : undefined;
    rememberSecretsOf(news, olds);
    const { inputs, failures } = checkInputs(resource, news.values, olds?.values);
    const missing = this.source.configuration().missingFor(resource.api);
    if (missing) failures.push({ property: "", reason: missing });
    return new rpc.CheckResponse()
      .setInputs(toStruct(stateOf(resource, inputs, {}, news.secretPaths).inputs))
      .setFailuresList(failures.map(toCheckFailure));
  }

  async diff(req: rpc.DiffRequest): Promise<rpc.DiffResponse> {
    const resource = resourceOf(req.getType(), req.getUrn());
    const olds = unwrapSecrets(toJs(req.getOlds()));
    const state = olds.values;
    const priorInputs = priorInputsOf(resource, state);
    const unwrappedNews = unwrapSecrets(toJs(req.getNews()));
    // A fresh plugin process serves every `up`: what the state holds secret is masked from the start.
    rememberSecretsOf(olds, unwrappedNews);
    const news = unwrappedNews.values;
    const unreadable = unreadableOf(state);
    const result = diffInputs(resource, priorInputs, news, unreadable, state);
    const assumed = [...unreadable].filter((path) => valueAt(priorInputs, path) === undefined && valueAt(news, path) !== undefined);
    if (assumed.length > 0) {
      await this.source.engine.send(
        "warning",
        `${assumed.join(", ")} cannot be read back from ${resource.api.name}; the imported resource is assumed to match the program. Change the value in the program to set it.`,
        req.getUrn(),
      );
    }
    const { beyondRepair } = result;
    if (beyondRepair) await this.source.engine.send("warning", secrets.scrub(`will replace it: ${beyondRepair.reason}`), req.getUrn());
    if (result.replaces.length > 0) {
      const changes = new Changes(result.detailedDiff);
      for (const line of wordsFor(resource, resource.describeReplace, priorInputs, news, changes)) {
        await this.source.engine.send("warning", secrets.scrub(`will ${line}`), req.getUrn());
      }
    }
    return diffResponse(result.detailedDiff, result.replaces, result.deleteBeforeReplace);
  }

  async create(req: rpc.CreateRequest): Promise<rpc.CreateResponse> {
    const resource = resourceOf(req.getType(), req.getUrn());
    const props = unwrapSecrets(toJs(req.getProperties()));
    const inputs = props.values;
    rememberSecrets(resource.inputs, inputs, props.secretStrings);
    if (req.getPreview()) {
      const known = (resource.previewOutputs?.(inputs as never) ?? {}) as PropertyMap;
      const outputs = Object.fromEntries(Object.keys(resource.outputs).map((k) => [k, known[k] ?? UNKNOWN]));
      return new rpc.CreateResponse().setId("").setProperties(toStruct(stateOf(resource, inputs, outputs, props.secretPaths).properties));
    }
    const operation = this.operationOn(resource, req.getUrn(), timeoutOf(req.getTimeout(), resource, "create"), "create", inputs);
    try {
      const { id, outputs } = await operation.run((ctx) => resource.create(ctx, inputs as never));
      rememberSecrets(resource.outputs, outputs as PropertyMap);
      return new rpc.CreateResponse().setId(id).setProperties(toStruct(stateOf(resource, inputs, outputs as PropertyMap, props.secretPaths).properties));
    } catch (error) {
      const accepted = operation.accepted;
      if (!accepted) throw error;
      rememberSecrets(resource.outputs, accepted.outputs);
      throw await recordPartialState({
        source: this.source,
        resource,
        urn: req.getUrn(),
        id: accepted.id,
        known: { inputs: withoutProperties(inputs, accepted.notApplied), outputs: accepted.outputs },
        error,
        userSecrets: props.secretPaths,
        describe: (reason) => `created ${accepted.id}, but then: ${reason}`,
      });
    }
  }

  async read(req: rpc.ReadRequest): Promise<rpc.ReadResponse> {
    const resource = resourceOf(req.getType(), req.getUrn());
    const priorState = unwrapSecrets(toJs(req.getProperties()));
    const priorInputs = unwrapSecrets(toJs(req.getInputs()));
    rememberSecretsOf(priorState, priorInputs);
    const isImport = Object.keys(priorState.values).length === 0 && Object.keys(priorInputs.values).length === 0;
    const operation = this.operationOn(resource, req.getUrn(), DEFAULT_TIMEOUT_SECONDS.read, "read", priorInputs.values);
    const observed = await operation.run((ctx) => resource.read(ctx, req.getId()));
    if (!observed) return new rpc.ReadResponse().setId(""); // gone: refresh drops it, import reports it missing
    if (observed.pending) {
      // Kept as recorded and unfinished: the engine calls Update on the next `up`.
      const userSecrets = new Set([...priorState.secretPaths, ...priorInputs.secretPaths]);
      const recordedInputs = req.hasInputs() ? priorInputs.values : pick(resource.inputs, priorState.values);
      const kept = stateOf(resource, recordedInputs, pick(resource.outputs, priorState.values), userSecrets);
      throw new PartialStateError(req.getId(), kept.properties, kept.inputs, observed.pending);
    }
    const inputs = observedInputs(
      resource,
      observed.inputs as PropertyMap,
      isImport ? undefined : req.hasInputs() ? priorInputs.values : pick(resource.inputs, priorState.values),
    );
    const outputs = reconcileInputs(resource.outputs, observed.outputs as PropertyMap, isImport ? undefined : priorState.values);
    rememberSecrets(resource.inputs, inputs);
    rememberSecrets(resource.outputs, outputs);
    const userSecrets = new Set([...priorState.secretPaths, ...priorInputs.secretPaths]);
    // What an import could not read stays marked until an update supplies it.
    const unreadable = unreadablePaths(resource.inputs, inputs).filter((path) => isImport || unreadableOf(priorState.values).has(path));
    const state = stateOf(resource, inputs, outputs, userSecrets);
    const properties = toStruct(state.properties);
    const readInputs = toStruct(state.inputs);
    if (unreadable.length > 0) {
      properties.getFieldsMap().set(UNREADABLE_KEY, Value.fromJavaScript(unreadable));
      // The engine checks an import against these inputs: the mark lets Check waive exactly
      // the required write-only values the import could not read, and nothing on a create.
      if (isImport) readInputs.getFieldsMap().set(UNREADABLE_KEY, Value.fromJavaScript(unreadable));
    }
    // The engine records a refreshed resource under the id Read returns.
    return new rpc.ReadResponse().setId(observed.realId ?? req.getId()).setProperties(properties).setInputs(readInputs);
  }

  async update(req: rpc.UpdateRequest): Promise<rpc.UpdateResponse> {
    const resource = resourceOf(req.getType(), req.getUrn());
    const state = unwrapSecrets(toJs(req.getOlds()));
    const priorInputs = priorInputsOf(resource, state.values);
    const news = unwrapSecrets(toJs(req.getNews()));
    rememberSecretsOf(state);
    rememberSecrets(resource.inputs, news.values, news.secretStrings);
    const priorOutputs = pick(resource.outputs, state.values);
    const userSecrets = new Set([...state.secretPaths, ...news.secretPaths]);
    const changes = new Changes(diffInputs(resource, priorInputs, news.values, unreadableOf(state.values)).detailedDiff);
    if (req.getPreview()) {
      const operation = operationFor(this.source, resource, req.getUrn(), 0);
      for (const step of wordsFor(resource, resource.describeUpdate, priorInputs, news.values, changes)) operation.ctx.log(`will ${step}`);
      await operation.flush();
      return new rpc.UpdateResponse().setProperties(toStruct(stateOf(resource, news.values, priorOutputs, userSecrets).properties));
    }
    if (!resource.update) throw new Error(`${resource.token} cannot be updated in place; every change replaces it`);
    const operation = this.operationOn(resource, req.getUrn(), timeoutOf(req.getTimeout(), resource, "update"), "update", news.values);
    try {
      const outputs = await operation.run((ctx) =>
        onRecorded(resource, priorInputs, () => resource.update!(ctx, req.getId(), recordedFitting(resource, priorInputs, priorOutputs), news.values as never, changes)),
      );
      // As after a create: a secret the update brought (new credentials) is masked in any later message.
      rememberSecrets(resource.outputs, (outputs ?? {}) as PropertyMap);
      return new rpc.UpdateResponse().setProperties(toStruct(stateOf(resource, news.values, outputs as PropertyMap, userSecrets).properties));
    } catch (error) {
      // Bad input the API refused changed nothing; anything else may have come after part of
      // the update was applied: record what is true now, so the next preview shows what is left.
      if (error instanceof InputError) throw error;
      throw await recordPartialState({
        source: this.source,
        resource,
        urn: req.getUrn(),
        id: req.getId(),
        // What the update applied before it failed is the program's now.
        known: { inputs: { ...priorInputs, ...pickPresent(news.values, operation.applied) }, outputs: priorOutputs },
        error,
        userSecrets,
        describe: (reason) => reason,
      });
    }
  }

  async delete(req: rpc.DeleteRequest): Promise<Empty> {
    const resource = resourceOf(req.getType(), req.getUrn());
    const unwrapped = unwrapSecrets(toJs(req.getProperties()));
    rememberSecretsOf(unwrapped);
    const state = unwrapped.values;
    const inputs = priorInputsOf(resource, state);
    const operation = this.operationOn(resource, req.getUrn(), timeoutOf(req.getTimeout(), resource, "delete"), "delete", inputs);
    await operation.run((ctx) => onRecorded(resource, inputs, () => resource.delete(ctx, req.getId(), recordedFitting(resource, inputs, pick(resource.outputs, state)))));
    return new Empty();
  }

  /** An operation on a resource whose failures come out as the refusals its API declares, explained. */
  private operationOn(resource: Resource, urn: string, timeoutSeconds: number, operation: RefusedOperation, inputs: PropertyMap) {
    return operationFor(this.source, resource, urn, timeoutSeconds, {
      signal: this.source.cancellation(),
      explain: (error) => explainRefusal(error, { resource, name: urnName(urn), inputs, operation }, resource.api.refusals),
    });
  }
}

export function resourceOf(type: string, urn: string): Resource {
  const token = type || urnType(urn);
  const resource = registry().resources.get(token);
  if (!resource) throw new Error(`unknown resource type ${token}; this provider serves ${[...registry().resources.keys()].join(", ")}`);
  return resource;
}

/**
 * What the resource's inputs really are, from the state this provider wrote: after a partial
 * failure that is the observed state, while the engine keeps the program's inputs as the old
 * inputs (it drops ErrorResourceInitFailed's). Diffing against the state is what lets the next
 * `up` finish the job.
 */
function priorInputsOf(resource: Resource, state: PropertyMap): PropertyMap {
  return pick(resource.inputs, state);
}

/**
 * A resource's words for a change (describeReplace, describeUpdate), written for checked inputs.
 * Prior inputs come from a state that an older version, a partial failure or a hand may have
 * written: where they do not fit the declaration there are no words (the engine still shows the step).
 */
function wordsFor(resource: Resource, words: ((olds: never, news: never, changes: Changes) => string[]) | undefined, olds: PropertyMap, news: PropertyMap, changes: Changes): string[] {
  if (!words || !fitsDeclaration(resource.inputs, olds) || !fitsDeclaration(resource.inputs, news)) return [];
  return words(olds as never, news as never, changes);
}

/** The recorded inputs and outputs an update or a delete is given: only those of their declared types (fittingValues). */
function recordedFitting(resource: Resource, inputs: PropertyMap, outputs: PropertyMap): { inputs: never; outputs: never } {
  return { inputs: fittingValues(resource.inputs, inputs) as never, outputs: fittingValues(resource.outputs, outputs) as never };
}

/**
 * Runs an update or a delete, code written for checked inputs, on the recorded ones that fit.
 * Should it trip over one left out for not being of its declared type, the error says which, not
 * "Cannot read properties of undefined".
 */
async function onRecorded<T>(resource: Resource, recorded: PropertyMap, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const unfit = error instanceof TypeError ? unfitKeys(resource.inputs, recorded) : [];
    if (unfit.length === 0) throw error;
    throw new Error(
      `the state records ${unfit.join(", ")} of another type than ${resource.token} declares (an older version of the provider or an edited state may have written it): correct it with \`pulumi state edit\``,
    );
  }
}

/** Every string that arrived inside a secret wrapper is masked in whatever the plugin says from now on. */
function rememberSecretsOf(...properties: (UnwrappedProperties | undefined)[]): void {
  for (const unwrapped of properties) unwrapped?.secretStrings.forEach((s) => secrets.add(s));
}

function withoutProperties(values: PropertyMap, properties: readonly string[]): PropertyMap {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !properties.includes(key)));
}


function pickPresent(values: PropertyMap, keys: Iterable<string>): PropertyMap {
  return Object.fromEntries([...keys].filter((key) => key in values).map((key) => [key, values[key]]));
}
