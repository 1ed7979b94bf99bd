// A short, printable excerpt of an unexpected body, so an error can say what was received without
// dumping megabytes or control characters into a log line.

const SNIPPET_LENGTH = 120;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

export function bodySnippet(body: string, length = SNIPPET_LENGTH): string {
  const flat = body
    .slice(0, length * 4)
    .replace(CONTROL_CHARACTERS, " ")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

/** The `<title>` of an HTML error page (IIS and proxies send those), or null. */
export function htmlTitle(body: string): string | null {
  // Bounded runs: with [^>]*, a body of "<title" repeated scanned to its end from each one (quadratic).
  const match = /<title[^>]{0,200}>([^<]{0,1000})<\/title>/i.exec(body.slice(0, 20_000));
  const title = match?.[1]?.replace(/\s+/g, " ").trim();
  return title ? title : null;
}
