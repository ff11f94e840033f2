import { z } from "zod";
import { NotFoundError } from "../http/errors";
import type { ResourceContext } from "./context";
import { field, metaOf } from "./fields";
import { unwrap } from "./introspect";
import type { Listing } from "./listing";
import { defineFunction, splitToken, type ProviderFunction, type Resource } from "./resource";
import type { PropertyMap } from "./values";

type Shape = Record<string, z.ZodType>;

/** What a list function needs to know of an API record: the mapping the resource's read uses. */
export interface Mapped {
  id: string;
  inputs: object;
  outputs: object;
}

/**
 * A function that lists one kind of resource, declared from the resource itself: each item is
 * the resource as Read sees it (its id, readable inputs and outputs), mapped from API data by
 * the very function the resource uses, so a list and a refresh never disagree. Filters are item
 * properties compared for equality; arguments are what the API's listing itself takes (a domain
 * whose records to list, a type to list only), handed to `list` and never compared.
 */
export function defineListFunction<Data, C>(options: {
  token: string;
  description: string;
  resource: Resource<any, any, C>;
  /** The result's property: "servers". */
  listName: string;
  /** Item property -> what filtering on it means. */
  filters?: Record<string, string>;
  /** Arguments of the listing itself, declared like inputs (required ones make the function's argument required). */
  arguments?: Shape;
  /** Every item; `args` holds the checked arguments and filters, to pass on to the API where it filters too. */
  list(ctx: ResourceContext<C>, args: PropertyMap): Promise<Data[]>;
  fromApi(data: Data): Mapped;
  /**
   * Required when some argument is: every set of arguments that, listed one after the other,
   * covers every resource of the kind the account has (each domain's records). One the API
   * answers 404 for (a domain without a zone) holds none.
   */
  everyArgument?: (ctx: ResourceContext<C>) => Promise<PropertyMap[]>;
}): ProviderFunction {
  const { resource } = options;
  const { name } = splitToken(resource.token);
  const itemType = `${name}Summary`;
  const item = {
    id: field(z.string(), { description: `The ${name}'s id.` }),
    ...readableShape(resource.inputs, itemType),
    ...readableShape(resource.outputs, itemType),
  };
  const filters = options.filters ?? {};
  const required = Object.entries(options.arguments ?? {}).filter(([, schema]) => !unwrap(schema).optional);
  if (required.length > 0 && !options.everyArgument) {
    throw new Error(`${options.token} takes ${required.map(([key]) => key).join(", ")}: it must declare everyArgument, the values that list every ${name}`);
  }
  const listing: Listing<C> = {
    resource,
    async ids(ctx) {
      const ids: string[] = [];
      for (const args of options.everyArgument ? await options.everyArgument(ctx) : [{}]) {
        const records = await options.list(ctx, args).catch((error: unknown) => {
          if (error instanceof NotFoundError) return [];
          throw error;
        });
        ids.push(...records.map((record) => options.fromApi(record).id));
      }
      return [...new Set(ids)];
    },
  };
  const fn = defineFunction({
    token: options.token,
    description: options.description,
    api: resource.api,
    inputs: {
      ...options.arguments,
      ...Object.fromEntries(Object.entries(filters).map(([key, description]) => [key, field(z.string().optional(), { description })])),
    },
    outputs: {
      [options.listName]: field(z.array(field(z.object(item), { description: `A ${name}.`, typeName: itemType })), {
        description: `The ${name} resources found.`,
      }),
    },
    async invoke(ctx, args: PropertyMap) {
      const records = await options.list(ctx, args);
      const items = records.map((record) => {
        const { id, inputs, outputs } = options.fromApi(record);
        return { id, ...inputs, ...outputs } as PropertyMap;
      });
      const wanted = Object.entries(args).filter(([key, value]) => key in filters && value !== undefined);
      return { [options.listName]: items.filter((i) => wanted.every(([key, value]) => i[key] === value)) } as never;
    },
  });
  return { ...fn, listing };
}

/**
 * The shape without write-only fields (what the API never returns). Nested objects are rebuilt
 * as types of their own, so a list item never claims a password it cannot have.
 */
function readableShape(shape: Shape, owner: string): Shape {
  const out: Shape = {};
  for (const [key, schema] of Object.entries(shape)) {
    const meta = metaOf(schema);
    if (meta?.writeOnly) continue;
    const { base, optional } = unwrap(schema);
    if (base.kind !== "object") {
      // A copy: what a list returns has no "on change" of its own, and the resource's field keeps its marks.
      out[key] = field(schema.clone(), { ...meta!, description: meta?.description ?? key, replaceOnChanges: false });
      continue;
    }
    const typeName = `${owner}${key.charAt(0).toUpperCase()}${key.slice(1)}`;
    const rebuilt = z.object(readableShape(base.shape, typeName));
    out[key] = field(optional ? rebuilt.optional() : rebuilt, { ...meta!, description: meta?.description ?? key, typeName, replaceOnChanges: false });
  }
  return out;
}
