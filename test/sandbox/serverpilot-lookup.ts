// Finding the records a request names: 404 for an id in the path, 404 naming
// the field for a reference in the body (so a test can tell which one failed).
import { notFound, shown } from "./serverpilot-errors";

export function lookup<T>(map: Map<string, T>, id: string, what: string): T {
  const record = map.get(id);
  if (record === undefined) throw notFound(`${what} ${shown(id)} not found.`);
  return record;
}

export function lookupReference<T>(map: Map<string, T>, id: string, field: string, what: string): T {
  const record = map.get(id);
  if (record === undefined) throw notFound(`"${field}": ${what} ${shown(id)} not found.`);
  return record;
}
