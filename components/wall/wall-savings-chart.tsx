"use client";

import { Bar, BarChart, Legend, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { formatBytes } from "@/lib/jobs/format";
import type { WallSavingsDay } from "@/lib/jobs/wall-summary";

/** Application vs media bytes per day, sized by its box: no tooltips on a TV, so the axes carry the units. */
export default function WallSavingsChart({
  days,
  fontPx,
}: {
  days: readonly WallSavingsDay[];
  fontPx: number;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={days.map((day) => ({ ...day, key: day.key.slice(5) }))}
        margin={{ top: 4, right: 8, bottom: 0, left: 8 }}
      >
        <XAxis dataKey="key" stroke="var(--muted)" fontSize={fontPx} />
        <YAxis
          stroke="var(--muted)"
          fontSize={fontPx}
          width={fontPx * 5}
          tickFormatter={(value: number) => formatBytes(value)}
        />
        <Legend wrapperStyle={{ fontSize: fontPx }} iconSize={fontPx} />
        <Bar
          dataKey="applicationBytes"
          name="Application"
          fill="var(--chart-application)"
          isAnimationActive={false}
        />
        <Bar dataKey="mediaBytes" name="Media on disk" fill="var(--chart-media)" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
