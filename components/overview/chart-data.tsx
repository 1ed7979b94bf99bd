import Link from "next/link";
import type { ReactNode } from "react";
import { formatBytes } from "@/lib/jobs/format";
import type { SizeTotals } from "@/lib/jobs/overview-metrics";

export interface DataRow {
  readonly key: string;
  /** The /jobs view of this row's jobs: the keyboard's and screen reader's way to what a bar click opens. */
  readonly href: string | null;
  readonly cells: readonly ReactNode[];
}

/** A chart's numbers as a table behind a "Data" toggle: its text alternative, with exact values and links. */
export function ChartData({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: readonly string[];
  rows: readonly DataRow[];
}) {
  return (
    <details className="text-sm" data-chart-data={caption}>
      <summary className="cursor-pointer">Data</summary>
      <div className="mt-2 max-h-80 overflow-auto">
        <table className="w-full text-left tabular-nums">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              {head.map((label) => (
                <th key={label} scope="col" className="pr-3 font-medium">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" className="pr-3 font-normal">
                  {row.href ? (
                    <Link className="underline" href={row.href}>
                      {row.key}
                    </Link>
                  ) : (
                    row.key
                  )}
                </th>
                {row.cells.map((cell, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional, a row's columns never move
                  <td key={index} className="pr-3">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export const SIZE_HEAD = ["Application", "Media on disk", "Savings", "Jobs"] as const;

/** The cells of a savings row, in SIZE_HEAD's order. */
export function sizeCells(row: SizeTotals): ReactNode[] {
  return [
    formatBytes(row.applicationBytes),
    formatBytes(row.mediaBytes),
    row.savingsPercent === null ? "–" : `${row.savingsPercent.toFixed(1)} %`,
    row.jobs,
  ];
}
