// Where to go after signing in (or after a display key), from a `next` parameter anyone can write. One
// helper for the server's redirect and the sign-in form alike: only a path on this site comes out.

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
const REFUSED = /[\u0000-\u001f\u007f\\]/;
const BASE = "https://dashboard.invalid";

/**
 * `next` as a path on this site, or "/". Control characters and backslashes are refused outright (URL
 * parsers drop tabs and newlines and read `\` as `/`, so `/%09/evil.example` would become
 * `//evil.example`); what is left is resolved against the site and kept only if it stays on it.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith("/") || REFUSED.test(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "/";
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that starts with two slashes is another host to a browser, even when it came out of our origin.
  if (url.origin !== BASE || path.startsWith("//")) return "/";
  return path;
}
