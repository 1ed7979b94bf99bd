import type { ParamProblem } from "@/lib/jobs/url-params";

/** URL values that did not parse, each with why: the page shows the rest instead of failing. */
export function UrlProblems({ problems }: { problems: readonly ParamProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div
      role="alert"
      className="rounded-md border border-[var(--tone-warning)] bg-[var(--tone-warning-bg)] p-2 text-sm"
    >
      Some values in the address were not understood and were left out:
      <ul className="ml-4 list-disc">
        {problems.map((problem) => (
          <li key={problem.param}>{problem.message}</li>
        ))}
      </ul>
    </div>
  );
}
