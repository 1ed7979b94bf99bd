// Stand-in for the `server-only` package under vitest, which does not run a React server bundle.
export {};
