"use client";

import { memo, useEffect, useState } from "react";
import { savingsPercentOf } from "@/lib/jobs/overview-metrics";
import type { WallSummary } from "@/lib/jobs/wall-summary";
import { WallSavingsChart } from "./wall-savings-chart";

/**
 * The week's savings as one big percentage, and per day as bars. Drawn again only when the savings change:
 * the screen renders every second for its clock, and an answer whose savings equal the held ones keeps
 * them as the same object (React Query's structural sharing). Without this, every tick drew an unchanged
 * chart again (with recharts, as it was then: about 700 of the 1,170 functions the wall ran per second).
 */
export const WallSavings = memo(function WallSavings({ savings }: { savings: WallSummary["savings"] }) {
  const [fontPx, setFontPx] = useState(16);
  useEffect(() => {
    const measure = () => setFontPx(Math.round(window.innerHeight * 0.018));
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, []);
  const app = savings.days.reduce((sum, day) => sum + day.applicationBytes, 0);
  const media = savings.days.reduce((sum, day) => sum + day.mediaBytes, 0);
  const percent = savingsPercentOf(app, media);
  return (
    <div className="flex min-h-0 flex-1 gap-[1vw]">
      <div className="flex w-[30%] shrink-0 flex-col justify-center">
        <span data-testid="savings-percent" className="text-[6vh] font-bold leading-none tabular-nums">
          {percent === null ? "–" : `${percent.toFixed(1)} %`}
        </span>
        <span className="text-[2vh] text-[var(--muted)]">saved over {savings.days.length} days</span>
        {savings.withoutSizes > 0 && (
          <span className="text-[1.8vh] text-[var(--muted)]">
            {savings.withoutSizes} jobs without sizes left out
          </span>
        )}
      </div>
      <div className="min-h-0 min-w-0 flex-1" role="img" aria-label="Application and media bytes per day">
        {savings.days.length > 0 && <WallSavingsChart days={savings.days} fontPx={fontPx} />}
      </div>
    </div>
  );
});
