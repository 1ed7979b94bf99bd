"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useReducedMotion } from "@/components/hooks/use-reduced-motion";
import { type HistogramBin, savingsBinLabel } from "@/lib/jobs/overview-metrics";
import { useOpenJobs } from "./open-jobs";

/** How many finished backups saved how much: a low bar at the left is where to look. */
export function SavingsHistogramChart({ bins }: { bins: readonly (HistogramBin & { href: string })[] }) {
  const data = bins.map((bin) => ({ label: savingsBinLabel(bin), count: bin.count, href: bin.href }));
  const open = useOpenJobs(data);
  const still = useReducedMotion();
  return (
    <div className="h-64 w-full" role="img" aria-label="Finished backups by savings percentage">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey="label" stroke="var(--muted)" fontSize={12} />
          <YAxis
            stroke="var(--muted)"
            fontSize={12}
            allowDecimals={false}
            label={{
              value: "backups",
              angle: -90,
              position: "insideLeft",
              fill: "var(--muted)",
              fontSize: 12,
            }}
          />
          <Tooltip
            contentStyle={{ background: "var(--surface)", borderColor: "var(--border)" }}
            formatter={(value) => [`${value} backups`, "Jobs"]}
          />
          <Bar
            isAnimationActive={!still}
            dataKey="count"
            name="Backups"
            fill="var(--chart-savings)"
            cursor="pointer"
            onClick={open}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
