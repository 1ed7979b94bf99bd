// Signing a page in through the sign-in form, on the main server or another origin, as a person would.

import { expect, type Page } from "@playwright/test";

export async function signInAs(page: Page, user: string, password = user, origin = ""): Promise<void> {
  await page.goto(`${origin}/login?next=/jobs`);
  await page.getByLabel("CommCell user name").fill(user);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user")).toHaveText(user);
}
