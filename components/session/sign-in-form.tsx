"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { safeNext } from "@/lib/session/safe-next";

export function SignInForm({ next }: { next: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    try {
      const response = await fetch("/api/session", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ username: form.get("username"), password: form.get("password") }),
      });
      if (response.ok) {
        router.replace(safeNext(next));
        router.refresh();
        return;
      }
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(body?.error?.message ?? `Sign-in failed (HTTP ${response.status}).`);
    } catch {
      setError("The dashboard server cannot be reached.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" method="post" action="/api/session">
      <label className="block space-y-1">
        <span className="text-sm font-medium">CommCell user name</span>
        <input
          name="username"
          autoComplete="username"
          required
          className="w-full rounded-md border border-[var(--border)] bg-[var(--surface)] px-3 py-2"
        />
      </label>
      <label className="block space-y-1">
        <span className="text-sm font-medium">Password</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="w-full rounded-md border border-[var(--border)] bg-[var(--surface)] px-3 py-2"
        />
      </label>
      {error && (
        <p
          role="alert"
          className="rounded-md bg-[var(--tone-danger-bg)] p-2 text-sm text-[var(--tone-danger)]"
        >
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-[var(--tone-info)] px-4 py-2 text-sm font-medium text-[var(--surface)] disabled:opacity-60"
      >
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
