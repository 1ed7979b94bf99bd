"use client";

import dynamic from "next/dynamic";

// recharts is the largest library of the app: loaded only where a chart is drawn, after the page.
export const LazySavingsByDayChart = dynamic(
  () => import("./savings-by-day-chart").then((m) => m.SavingsByDayChart),
  {
    ssr: false,
    loading: () => <div className="h-72 w-full animate-pulse rounded-md bg-[var(--tone-neutral-bg)]" />,
  },
);
