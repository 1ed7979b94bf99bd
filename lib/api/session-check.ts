// Whether a session read from its cookie is still one this server honours. The cookie is sealed, so it
// cannot be forged, but it can be copied: a sign-out revokes its id, and a display session is bound to
// the display key that made it, so changing DISPLAY_KEY ends every screen signed in with the old one.

import { createHash } from "node:crypto";
import type { Revocations } from "./revocations";

export interface SessionClaims {
  readonly sid?: string;
  readonly user?: unknown;
  readonly display?: boolean;
  readonly displayKeyId?: string;
}

/** The digest a display session carries of the key that made it; never the key itself. */
export function displayKeyId(key: string): string {
  return createHash("sha256").update(`display-key:${key}`).digest("base64url").slice(0, 22);
}

/** An empty session (anonymous) is honoured as what it is; a signed-in one needs a live id. */
export function sessionHonoured(
  session: SessionClaims,
  current: { readonly revocations: Revocations; readonly displayKey: string | null },
): boolean {
  if (!session.user && !session.display) return true;
  if (!session.sid || current.revocations.isRevoked(session.sid)) return false;
  if (session.display && !session.user) {
    return current.displayKey !== null && session.displayKeyId === displayKeyId(current.displayKey);
  }
  return true;
}
