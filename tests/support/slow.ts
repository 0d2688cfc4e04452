// Headroom for busy machines. A timeout in a test is a bound on a wait that ends on a condition,
// never a sleep; on a machine whose cores are all busy every wait stretches alike, so every
// bound is multiplied by VERDICT_SLOW (npm test sets it from the load it finds; default 1).
const factor = Number(process.env['VERDICT_SLOW'])

export const SLOW = Number.isFinite(factor) && factor >= 1 ? factor : 1

/** `ms` stretched by the machine's slowness factor. */
export function slow(ms: number): number {
  return Math.round(ms * SLOW)
}
