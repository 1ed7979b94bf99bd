// POST <ws>/Login with a user name and the base64 password the API wants. A CommCell refuses with HTTP 200
// and an errList, or reports a locked account; both become an `auth` CommCellError in plain words.

import "server-only";
import { toText } from "./coerce";
import { CommCellError } from "./errors";
import { exchange } from "./http";
import { authHeaders, kindOf } from "./token-source";

export interface LoginResult {
  readonly token: string;
  readonly userName: string;
  /**
   * The account's GUID when the CommCell gives one: what tells apart two accounts shown by one name
   * (a domain user and a local one), so it, not the name, keys what is kept per person.
   */
  readonly userGuid: string | null;
}

interface LoginAnswer {
  token?: unknown;
  userName?: unknown;
  userGUID?: unknown;
  isAccountLocked?: unknown;
  remainingLockTime?: unknown;
  errList?: { errLogMessage?: unknown; errorCode?: unknown }[];
  errorMessage?: unknown;
}

export async function login(
  root: string,
  username: string,
  password: string,
  timeoutMs: number,
): Promise<LoginResult> {
  const response = await exchange({
    url: new URL("Login", root).href,
    method: "POST",
    headers: { Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify({ username, password: Buffer.from(password, "utf8").toString("base64") }),
    timeoutMs,
  });
  let answer: LoginAnswer;
  try {
    answer = JSON.parse(response.body) as LoginAnswer;
  } catch {
    throw new CommCellError("parse", "The CommCell's sign-in answer is not JSON.");
  }
  const token = toText(answer.token);
  if (token) {
    const guid = toText(answer.userGUID)?.trim() ?? "";
    return {
      token,
      userName: toText(answer.userName) ?? username,
      userGuid: /^[0-9A-Za-z{}-]{1,64}$/.test(guid) ? guid : null,
    };
  }
  if (answer.isAccountLocked === true) {
    const seconds = Number(answer.remainingLockTime);
    const wait =
      Number.isFinite(seconds) && seconds > 0 ? ` Try again in ${Math.ceil(seconds / 60)} min.` : "";
    throw new CommCellError("auth", `The CommCell account is locked after too many failed sign-ins.${wait}`, {
      code: "locked",
    });
  }
  const reason =
    toText(answer.errList?.[0]?.errLogMessage) ?? toText(answer.errorMessage) ?? "no reason given";
  throw new CommCellError("auth", `The CommCell refused the sign-in: ${reason}.`, {
    code: toText(answer.errList?.[0]?.errorCode) ?? "refused",
  });
}

/** POST <ws>/Logout: ends a token on the CommCell. Best effort: the caller has ended its session already. */
export async function logout(root: string, token: string, timeoutMs = 5000): Promise<boolean> {
  try {
    await exchange({
      url: new URL("Logout", root).href,
      method: "POST",
      headers: authHeaders({ value: token, kind: kindOf(token), issuedAt: 0 }),
      timeoutMs,
    });
    return true;
  } catch {
    return false;
  }
}
