// The browser's session: an encrypted, httpOnly, SameSite=Lax cookie (Secure behind HTTPS). It holds the
// signed-in user's CommCell token, which never leaves the server readable: the browser only ever has the
// sealed cookie.

import "server-only";
import { randomBytes } from "node:crypto";
import { getIronSession, type IronSession } from "iron-session";
import { cookies } from "next/headers";
import { cameOverHttps } from "./proxy-trust";
import { getRuntime } from "./runtime";

export interface SessionData {
  /** A random id per sign-in, checked against the server's revocations on every request. */
  sid?: string;
  /** `guid` is the CommCell's userGUID for the account, when its Login answer had one. */
  user?: { name: string; guid?: string; token: string; signedInAt: number };
  /** Set by a valid display key: an unattended screen may view with the service identity. */
  display?: boolean;
  /** Which display key made this session (a digest): a new DISPLAY_KEY ends every screen of the old one. */
  displayKeyId?: string;
  /** When a display session's cookie was last re-sealed: it slides forward while the screen polls. */
  displayRenewedAt?: number;
}

/**
 * The cookie lives 30 days, so a wall display signed in once by its key stays signed in for as long as it
 * keeps polling (its session is renewed daily, see withViewer). A user's sign-in still ends after 12 hours:
 * viewerFor checks signedInAt.
 */
const COOKIE_TTL_SECONDS = 30 * 24 * 3600;
export const USER_SESSION_MS = 12 * 3600 * 1000;
export const DISPLAY_RENEW_MS = 24 * 3600 * 1000;

export const SESSION_COOKIE = "cjm_session";

export async function getSession(secure: boolean): Promise<IronSession<SessionData>> {
  const { server } = getRuntime();
  return getIronSession<SessionData>(await cookies(), {
    password: server.sessionSecret,
    cookieName: SESSION_COOKIE,
    ttl: COOKIE_TTL_SECONDS,
    cookieOptions: { httpOnly: true, sameSite: "lax", secure, path: "/" },
  });
}

/** Whether the request came over HTTPS, directly or through a trusted proxy that says so (proxy-trust.ts). */
export function isSecure(request: Request): boolean {
  return cameOverHttps(request);
}

/** A new session id, for a new sign-in. */
export function newSessionId(): string {
  return randomBytes(18).toString("base64url");
}

export { displayKeyId } from "./session-check";

/**
 * Until when a revocation must be remembered: when the session would have ended by itself. A display
 * session renews itself while used, so a copy of it could live a whole cookie lifetime from now.
 */
export function sessionEndsAt(session: SessionData, now = Date.now()): number {
  if (session.user) return session.user.signedInAt + USER_SESSION_MS;
  return now + COOKIE_TTL_SECONDS * 1000;
}

/** Ends a session here and everywhere its cookie may have been copied to. */
export function revokeSession(session: IronSession<SessionData>): void {
  const { revocations } = getRuntime();
  if (session.sid) revocations.revoke(session.sid, sessionEndsAt(session));
  if (session.user) dropUserAnswers(userIdentity(session.user));
  session.destroy();
}

/**
 * Who a signed-in user is, for everything kept per person (cached answers, the audit's history, action
 * keys and rates, stream places): their account's GUID, else their name. Two accounts shown by one name
 * (a domain user and a local one) then share nothing.
 */
export function userIdentity(user: { readonly name: string; readonly guid?: string }): string {
  return user.guid
    ? `user:guid:${user.guid.toLowerCase()}`
    : `user:${encodeURIComponent(user.name.toLowerCase())}`;
}

/** Forgets what is held for one user: their answers and the jobs and events they read. */
export function dropUserAnswers(identity: string): void {
  const { cache, jobReads } = getRuntime();
  cache.dropIdentity(identity);
  jobReads.dropIdentity(identity);
}
