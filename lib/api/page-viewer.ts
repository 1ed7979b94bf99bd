// The viewer of a server-rendered page; someone who may not view is sent to sign in, and comes back.

import "server-only";
import { redirect } from "next/navigation";
import { ApiError } from "./api-error";
import { getSession } from "./session";
import { type Viewer, viewerFor } from "./viewer";

export async function pageViewer(path: string): Promise<Viewer> {
  // Pages only read the session here; the secure flag matters when a cookie is written.
  const session = await getSession(false);
  try {
    return viewerFor(session);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401)
      redirect(`/login?next=${encodeURIComponent(path)}`);
    throw error;
  }
}
