"use client";

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useReducedMotion } from "@/components/hooks/use-reduced-motion";
import { formatBucketKey, formatBytes } from "@/lib/jobs/format";
import { useOpenJobs } from "./open-jobs";

export interface SavingsRow {
  readonly key: string;
  readonly applicationBytes: number;
  readonly mediaBytes: number;
  readonly savingsPercent: number | null;
  /** The /jobs view of the jobs behind this group; null when no one filter lists them ("others"). */
  readonly href: string | null;
}

// Colours come from the theme's variables, so light and dark follow one palette.
const COLOURS = {
  application: "var(--chart-application)",
  media: "var(--chart-media)",
  savings: "var(--chart-savings)",
} as const;

/** Application vs media-on-disk bytes per group (bars) with the savings percentage (line). */
export function SavingsChart({
  rows,
  label,
  names = { application: "Application", media: "Media on disk" },
}: {
  rows: readonly SavingsRow[];
  label: string;
  names?: { application: string; media: string };
}) {
  const open = useOpenJobs(rows);
  const still = useReducedMotion();
  return (
    <div className="h-72 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={[...rows]} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey="key" stroke="var(--muted)" fontSize={12} tickFormatter={formatBucketKey} />
          <YAxis
            yAxisId="bytes"
            stroke="var(--muted)"
            fontSize={12}
            tickFormatter={(value: number) => formatBytes(value)}
            width={80}
          />
          <YAxis
            yAxisId="percent"
            orientation="right"
            stroke="var(--muted)"
            fontSize={12}
            domain={[0, 100]}
            unit=" %"
          />
          <Tooltip
            formatter={(value, name) =>
              // Humanized for reading, with the exact byte count beside it.
              name === "Savings"
                ? `${Number(value).toFixed(1)} %`
                : `${formatBytes(Number(value))} (${Number(value).toLocaleString("en")} bytes)`
            }
            contentStyle={{ background: "var(--surface)", borderColor: "var(--border)" }}
          />
          <Legend />
          {(["application", "media"] as const).map((series) => (
            <Bar
              isAnimationActive={!still}
              key={series}
              yAxisId="bytes"
              dataKey={series === "application" ? "applicationBytes" : "mediaBytes"}
              name={names[series]}
              fill={COLOURS[series]}
              cursor="pointer"
              onClick={open}
            />
          ))}
          <Line
            isAnimationActive={!still}
            yAxisId="percent"
            dataKey="savingsPercent"
            name="Savings"
            stroke={COLOURS.savings}
            strokeWidth={2}
            dot={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
