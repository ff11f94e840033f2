// The fault kinds each API's sandbox meets in the chaos suite. One list to edit: a kind the
// provider cannot survive yet is taken out here, with the reason, until it can.
import { CHAOS_KINDS, type ChaosKind } from "../sandbox/base";
import type { ApiName } from "./world";

const SPARED: Partial<Record<ApiName, { kinds: ChaosKind[]; until: string }>> = {};

export function chaosKindsFor(api: ApiName): ChaosKind[] {
  const spared = SPARED[api]?.kinds ?? [];
  return CHAOS_KINDS.filter((kind) => !spared.includes(kind));
}
