import { DEFAULT_FILTERS } from "@/lib/jobs/filters";

/** Previous, next and rows per page; nothing when everything fits on one page. */
export function ExplorerPager({
  page,
  pages,
  pageSize,
  onPage,
  onPageSize,
}: {
  page: number;
  pages: number;
  pageSize: number;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}) {
  if (pages <= 1) return null;
  return (
    <nav className="flex items-center gap-3 text-sm" aria-label="Pages">
      <button
        type="button"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
        className="underline disabled:opacity-40"
      >
        Previous
      </button>
      <span>
        Page {page} of {pages}
      </span>
      <button
        type="button"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
        className="underline disabled:opacity-40"
      >
        Next
      </button>
      <label className="flex items-center gap-1">
        Rows
        <select
          value={pageSize}
          onChange={(event) => onPageSize(Number(event.target.value))}
          className="rounded-md border border-[var(--border)] bg-[var(--surface)] px-1"
        >
          {[...new Set([DEFAULT_FILTERS.pageSize, 500, 1000, 10_000, pageSize])]
            .sort((a, b) => a - b)
            .map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
        </select>
      </label>
    </nav>
  );
}
