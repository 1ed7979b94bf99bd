import type { Metadata } from "next";
import { SignInForm } from "@/components/session/sign-in-form";
import { PageFrame } from "@/components/shell/page-frame";
import { getRuntime } from "@/lib/api/runtime";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next } = await searchParams;
  const { upstream } = getRuntime();
  return (
    <PageFrame current={null} viewer={null}>
      <div className="mx-auto max-w-sm space-y-6 py-4">
        <h1 className="text-2xl font-semibold">Sign in</h1>
        <p className="text-sm text-[var(--muted)]">
          {upstream.demo
            ? "Demo CommCell (simulated): sign in as admin / admin."
            : "With your CommCell account; you see the jobs it lets you see."}
        </p>
        <SignInForm next={typeof next === "string" ? next : null} />
      </div>
    </PageFrame>
  );
}
