// The product's pages, in the header's order: one list, so a page added later appears everywhere at once.

export const NAV_ITEMS = [
  { key: "overview", label: "Overview", href: "/" },
  { key: "jobs", label: "Jobs", href: "/jobs" },
  { key: "coverage", label: "Coverage", href: "/coverage" },
  { key: "wall", label: "Wall display", href: "/wall" },
] as const;

export type NavKey = (typeof NAV_ITEMS)[number]["key"];
