// The faults each API's sandbox is spared in the chaos suite. One list to edit: a fault the
// provider cannot survive yet is taken out here, with the reason, until it can. None is spared:
// every API takes every fault.
import type { ChaosOptions } from "../sandbox/base";
import type { ApiName } from "./world";

type Spared = NonNullable<ChaosOptions["spare"]>;

const SPARED: Partial<Record<ApiName, Spared>> = {};

export function sparedFaults(api: ApiName): Spared {
  return SPARED[api] ?? [];
}
