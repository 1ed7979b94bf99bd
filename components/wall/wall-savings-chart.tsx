"use client";

import { memo, useLayoutEffect, useRef, useState } from "react";
import { formatBytes } from "@/lib/jobs/format";
import type { WallSavingsDay } from "@/lib/jobs/wall-summary";
import { byteAxis } from "@/lib/wall/byte-axis";

// Application vs media bytes per day as plain SVG bars, sized by their box. No tooltips on a TV, so the
// axis carries the units. Not recharts (the explorer's and the overview's charts are): a wall redraws this
// chart for weeks, and the library's store, selectors and scales were the code V8 kept compiling to higher
// tiers hour after hour, and the heap of a long soak grew with it (lib/wall/byte-axis.ts). Seven pairs of
// bars, an axis and a legend are all it shows.

const SERIES = [
  { key: "applicationBytes", name: "Application", color: "var(--chart-application)" },
  { key: "mediaBytes", name: "Media on disk", color: "var(--chart-media)" },
] as const;

/** The box the chart fills, measured, so its text keeps its size whatever the box's shape. */
function useBoxSize() {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const width = element.clientWidth;
      const height = element.clientHeight;
      setSize((current) =>
        current.width === width && current.height === height ? current : { width, height },
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, ...size };
}

export const WallSavingsChart = memo(function WallSavingsChart({
  days,
  fontPx,
}: {
  days: readonly WallSavingsDay[];
  fontPx: number;
}) {
  const { ref, width, height } = useBoxSize();
  const axis = byteAxis(Math.max(0, ...days.flatMap((day) => [day.applicationBytes, day.mediaBytes])));
  const labelWidth = fontPx * 5;
  const legendHeight = fontPx * 2;
  const plot = {
    left: labelWidth,
    top: fontPx / 2,
    width: Math.max(0, width - labelWidth - fontPx / 2),
    height: Math.max(0, height - fontPx / 2 - fontPx * 1.6 - legendHeight),
  };
  const bottom = plot.top + plot.height;
  const y = (bytes: number) => bottom - (Math.max(0, bytes) / axis.top) * plot.height;
  const slot = days.length > 0 ? plot.width / days.length : 0;
  const barWidth = slot * 0.36;
  return (
    <div ref={ref} className="h-full w-full">
      {width > 0 && height > 0 && (
        <svg width={width} height={height} data-testid="savings-chart" fontSize={fontPx}>
          <title>Application and media bytes per day</title>
          <g stroke="var(--muted)" fill="var(--muted)">
            <line x1={plot.left} x2={plot.left} y1={plot.top} y2={bottom} />
            <line x1={plot.left} x2={plot.left + plot.width} y1={bottom} y2={bottom} />
            {axis.ticks.map((tick) => (
              <g key={tick}>
                <line x1={plot.left - fontPx / 3} x2={plot.left} y1={y(tick)} y2={y(tick)} />
                <text
                  x={plot.left - fontPx / 2}
                  y={y(tick)}
                  textAnchor="end"
                  dominantBaseline="middle"
                  stroke="none"
                >
                  {formatBytes(tick)}
                </text>
              </g>
            ))}
            {days.map((day, index) => (
              <text
                key={day.key}
                x={plot.left + slot * (index + 0.5)}
                y={bottom + fontPx * 1.2}
                textAnchor="middle"
                stroke="none"
              >
                {day.key.slice(5)}
              </text>
            ))}
          </g>
          {days.map((day, index) =>
            SERIES.map((series, which) => {
              const top = y(day[series.key]);
              return (
                <rect
                  key={`${day.key}-${series.key}`}
                  data-series={series.key}
                  x={plot.left + slot * index + slot * 0.12 + which * barWidth}
                  y={top}
                  width={barWidth}
                  height={bottom - top}
                  fill={series.color}
                >
                  <title>{`${day.key} ${series.name}: ${formatBytes(day[series.key])}`}</title>
                </rect>
              );
            }),
          )}
          <g transform={`translate(${plot.left + plot.width / 2} ${height - legendHeight / 2})`}>
            {SERIES.map((series, which) => (
              <g key={series.key} transform={`translate(${which === 0 ? -fontPx * 9 : fontPx}, 0)`}>
                <rect y={-fontPx / 2} width={fontPx} height={fontPx} fill={series.color} />
                <text x={fontPx * 1.4} dominantBaseline="middle" fill="var(--muted)">
                  {series.name}
                </text>
              </g>
            ))}
          </g>
        </svg>
      )}
    </div>
  );
});
