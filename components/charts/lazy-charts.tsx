"use client";

import dynamic from "next/dynamic";

// recharts is the largest library of the app: loaded only where a chart is drawn, after the page.
const placeholder = () => (
  <div className="h-64 w-full animate-pulse rounded-md bg-[var(--tone-neutral-bg)]" />
);

export const LazySavingsChart = dynamic(() => import("./savings-chart").then((m) => m.SavingsChart), {
  ssr: false,
  loading: placeholder,
});

export const LazySavingsHistogramChart = dynamic(
  () => import("./savings-histogram-chart").then((m) => m.SavingsHistogramChart),
  {
    ssr: false,
    loading: placeholder,
  },
);

export const LazyOutcomesChart = dynamic(() => import("./outcomes-chart").then((m) => m.OutcomesChart), {
  ssr: false,
  loading: placeholder,
});
