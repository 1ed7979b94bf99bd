"use client";

import { useRouter } from "next/navigation";

/** A bar's click handler: opens the /jobs view behind the bar's row, when one filter can list its jobs. */
export function useOpenJobs(rows: readonly { readonly href: string | null }[]) {
  const router = useRouter();
  return (_: unknown, index: number) => {
    const href = rows[index]?.href;
    if (href) router.push(href);
  };
}
