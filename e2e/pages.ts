// The pages every-page specs visit (screenshots, axe), each with what shows it has drawn.

export const PAGES = {
  overview: { path: "/?window=7d", ready: ".recharts-surface" },
  jobs: { path: "/jobs?type=all&window=7d", ready: "tbody tr[data-job-id]" },
  coverage: { path: "/coverage", ready: "h1" },
  login: { path: "/login", ready: "form" },
  wall: { path: "/wall?type=all&window=7d", ready: '[data-panel="tiles"]' },
} as const;

export type PageName = keyof typeof PAGES;
