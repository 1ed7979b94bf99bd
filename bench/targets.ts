// Every benchmark prints its figures beside their targets and says which fall short, in one table shape,
// so a run reads as a list of what is met and what is not.

export interface TargetRow {
  readonly measure: string;
  readonly figure: string;
  readonly target: string;
  readonly met: boolean;
}

export function target(measure: string, figure: string, targetText: string, met: boolean): TargetRow {
  return { measure, figure, target: targetText, met };
}

export function targetTable(rows: readonly TargetRow[]): string {
  const short = rows.filter((row) => !row.met).length;
  return [
    "| measure | figure | target | |",
    "|---|---:|---:|---|",
    ...rows.map(
      (row) => `| ${row.measure} | ${row.figure} | ${row.target} | ${row.met ? "met" : "**short**"} |`,
    ),
    "",
    short === 0 ? "Every target met." : `${short} of ${rows.length} targets fall short.`,
  ].join("\n");
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
