// Signing a page in through the sign-in form, on the main server or another origin, as a person would.

import { expect, type Page } from "@playwright/test";

export async function signInAs(page: Page, user: string, password = user, origin = ""): Promise<void> {
  await page.goto(`${origin}/login?next=/jobs`);
  await page.getByLabel("CommCell user name").fill(user);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user")).toHaveText(user);
}

/** Signs in through the API, as a script would: gives the session cookie to send as `Cookie`. */
export async function signInByApi(origin: string, user: string, password = user): Promise<string> {
  const signIn = await fetch(`${origin}/api/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: origin },
    body: JSON.stringify({ username: user, password }),
  });
  expect(signIn.status).toBe(200);
  return (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
}
