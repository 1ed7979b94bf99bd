import type { ReactNode } from "react";

/** A titled box of the wall; its body takes the height left and never scrolls. */
export function WallPanel({
  id,
  title,
  aside,
  children,
}: {
  id: string;
  title: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`wall-${id}`}
      data-panel={id}
      className="flex min-h-0 min-w-0 flex-col overflow-hidden rounded-[1vh] border border-[var(--border)] bg-[var(--surface)] p-[1.2vh]"
    >
      <header className="mb-[0.8vh] flex items-baseline justify-between gap-[1vw]">
        <h2 id={`wall-${id}`} className="truncate text-[2.6vh] font-semibold">
          {title}
        </h2>
        {aside && <span className="shrink-0 text-[2.2vh] text-[var(--muted)]">{aside}</span>}
      </header>
      <div className="flex min-h-0 flex-1 flex-col">{children}</div>
    </section>
  );
}
