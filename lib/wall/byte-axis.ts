// The axis of the wall's savings bars (components/wall/wall-savings-chart.tsx, which says why they are not
// drawn by recharts). Pure, so its rounding is tested without a browser.

import { binaryUnitOf } from "@/lib/jobs/format";

const KIB = 1024;
/** Interval sizes tried, as multiples of a power of ten of the unit: 1, 2, 2.5, 5 (then 10). */
const STEPS = [1, 2, 2.5, 5, 10];

export interface ByteAxis {
  /** Tick values in bytes, from 0 up; the last one is the top of the axis. */
  readonly ticks: readonly number[];
  readonly top: number;
}

/**
 * Ticks at round steps of one binary unit (0, 5 TiB, 10 TiB, 15 TiB), so their labels read as the sizes
 * elsewhere on the screen do; at most `intervals` + 1 of them, the top at or above `max`.
 */
export function byteAxis(max: number, intervals = 4): ByteAxis {
  if (!Number.isFinite(max) || max <= 0) return { ticks: [0, KIB], top: KIB };
  // The unit formatBytes writes the top in, so the ticks are round in the labels' own unit.
  const unit = KIB ** binaryUnitOf(max);
  const inUnit = max / unit;
  const rough = inUnit / intervals;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = (STEPS.find((factor) => factor * magnitude >= rough) ?? 10) * magnitude;
  const count = Math.max(1, Math.ceil(inUnit / step - 1e-9));
  // Multiplied from integers, not summed, so 0.1-steps do not drift (0.30000000000000004).
  const ticks = Array.from({ length: count + 1 }, (_, i) => Math.round(i * step * unit));
  return { ticks, top: ticks[ticks.length - 1] as number };
}
