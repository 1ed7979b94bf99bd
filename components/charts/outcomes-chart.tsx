"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useReducedMotion } from "@/components/hooks/use-reduced-motion";
import { formatBucketKey } from "@/lib/jobs/format";
import type { OutcomeRow } from "@/lib/jobs/overview-metrics";
import { OUTCOME_GROUP, OUTCOMES, type Outcome, STATUS_GROUPS, toneColour } from "@/lib/jobs/status-groups";

const SERIES = OUTCOMES.map((outcome) => {
  const group = STATUS_GROUPS[OUTCOME_GROUP[outcome]];
  return [outcome, outcome === "failed" ? group.label : group.short, toneColour(group.tone)] as const;
});

/** Finished jobs per hour or day, stacked by outcome. */
export type LinkedOutcomeRow = OutcomeRow & { readonly links: Readonly<Record<Outcome, string>> };

export function OutcomesChart({ rows, label }: { rows: readonly LinkedOutcomeRow[]; label: string }) {
  const router = useRouter();
  const still = useReducedMotion();
  return (
    <div className="h-64 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...rows]} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey="key" stroke="var(--muted)" fontSize={12} tickFormatter={formatBucketKey} />
          <YAxis
            stroke="var(--muted)"
            fontSize={12}
            allowDecimals={false}
            label={{ value: "jobs", angle: -90, position: "insideLeft", fill: "var(--muted)", fontSize: 12 }}
          />
          <Tooltip contentStyle={{ background: "var(--surface)", borderColor: "var(--border)" }} />
          <Legend />
          {SERIES.map(([key, name, fill]) => (
            <Bar
              isAnimationActive={!still}
              key={key}
              dataKey={key}
              name={name}
              stackId="outcome"
              fill={fill}
              cursor="pointer"
              // Each segment opens its own outcome's jobs of that hour or day.
              onClick={(_, index) => {
                const row = rows[index];
                if (row) router.push(row.links[key]);
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
