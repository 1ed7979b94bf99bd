// A single linear pass that checks what fast-xml-parser does not: that tags nest and close, attribute
// values are quoted and terminated, and nothing follows the root. fast-xml-parser's own validator does
// this too but costs over half a parse; this pass costs a few percent because it skips attribute values
// with indexOf. It accepts raw `<` and line breaks inside quoted values, as the seed's samples have them.

import { bodySnippet } from "./body-snippet";
import { CommCellError } from "./errors";

export interface XmlStructure {
  /** The root element's name. */
  readonly root: string;
  /** How many start tags have the given name (compared case-insensitively). */
  readonly counted: number;
}

const GT = 62; // >
const SLASH = 47; // /
const EQUALS = 61; // =
const QUOTE = 34; // "
const APOSTROPHE = 39; // '
const BANG = 33; // !
const QUESTION = 63; // ?
const BRACKET = 91; // [

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

function isNameChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || // a-z
    (code >= 65 && code <= 90) || // A-Z
    (code >= 48 && code <= 57) || // 0-9
    code === 95 || // _
    code === 58 || // :
    code === 45 || // -
    code === 46 || // .
    code > 127
  );
}

function malformed(body: string, at: number, what: string): CommCellError {
  const near = bodySnippet(body.slice(Math.max(0, at - 30), at + 30), 60);
  return new CommCellError("parse", `Received malformed XML: ${what} at character ${at} (near "${near}").`);
}

function truncated(body: string, open: readonly string[]): CommCellError {
  const inner = open.at(-1);
  const where = inner && inner !== open[0] ? ` inside <${inner}>` : "";
  return new CommCellError(
    "parse",
    `Received truncated XML: the body ends${where} before </${open[0] ?? "root"}> after ${body.length} characters ("…${bodySnippet(body.slice(-60), 60)}").`,
  );
}

/** Whether a `[` comes before the next `>` (a DOCTYPE with an internal subset), reading no further. */
function subsetBeforeEnd(body: string, from: number): boolean {
  for (let k = from; k < body.length; k++) {
    const code = body.charCodeAt(k);
    if (code === GT) return false;
    if (code === BRACKET) return true;
  }
  return false;
}

/**
 * Skips `<?...?>`, `<!--...-->`, `<![CDATA[...]]>` and `<!DOCTYPE ...>`; returns the index after it. Reads
 * only as far as its own end: a scan to the end of the body per `<!` made many of them quadratic.
 */
function skipSpecial(body: string, lt: number, open: readonly string[]): number {
  let terminator = ">";
  if (body.charCodeAt(lt + 1) === QUESTION) terminator = "?>";
  else if (body.startsWith("<!--", lt)) terminator = "-->";
  else if (body.startsWith("<![CDATA[", lt)) terminator = "]]>";
  else if (subsetBeforeEnd(body, lt)) terminator = "]>";
  const end = body.indexOf(terminator, lt + 2);
  if (end === -1) throw truncated(body, open);
  return end + terminator.length;
}

export function checkXmlStructure(body: string, countName: string): XmlStructure {
  const countFolded = countName.toLowerCase();
  const open: string[] = [];
  let root: string | null = null;
  let counted = 0;
  let i = 0;
  const n = body.length;

  while (i < n) {
    const lt = body.indexOf("<", i);
    if (lt === -1) {
      if (root !== null && open.length === 0 && body.slice(i).trim() !== "")
        throw malformed(body, i, "text after the root element");
      break;
    }
    if (root !== null && open.length === 0 && body.slice(i, lt).trim() !== "") {
      throw malformed(body, i, "text after the root element");
    }
    const next = body.charCodeAt(lt + 1);
    if (next === QUESTION || next === BANG) {
      i = skipSpecial(body, lt, open);
      continue;
    }
    if (next === SLASH) {
      const gt = body.indexOf(">", lt);
      if (gt === -1) throw truncated(body, open);
      const name = body.slice(lt + 2, gt).trim();
      const expected = open.pop();
      if (expected === undefined) throw malformed(body, lt, `closing tag </${name}> without an open element`);
      if (name !== expected)
        throw malformed(body, lt, `closing tag </${name}> where </${expected}> was expected`);
      i = gt + 1;
      continue;
    }

    // A start tag: its name, then quoted attributes, then `>` or `/>`.
    if (root !== null && open.length === 0) throw malformed(body, lt, "a second root element");
    let j = lt + 1;
    while (j < n && isNameChar(body.charCodeAt(j))) j++;
    if (j === lt + 1) {
      if (j >= n) throw truncated(body, open);
      throw malformed(body, lt, "a `<` that starts no tag");
    }
    const name = body.slice(lt + 1, j);
    if (name.length === countFolded.length && name.toLowerCase() === countFolded) counted++;
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(body.charCodeAt(j))) j++;
      if (j >= n) throw truncated(body, [...open, name]);
      const code = body.charCodeAt(j);
      if (code === GT) {
        j++;
        break;
      }
      if (code === SLASH) {
        if (j + 1 >= n) throw truncated(body, [...open, name]);
        if (body.charCodeAt(j + 1) !== GT) throw malformed(body, j, `a stray "/" in <${name}>`);
        selfClosing = true;
        j += 2;
        break;
      }
      const attributeStart = j;
      while (j < n && isNameChar(body.charCodeAt(j))) j++;
      if (j === attributeStart) throw malformed(body, j, `an unexpected character in <${name}>`);
      while (j < n && isSpace(body.charCodeAt(j))) j++;
      if (j >= n) throw truncated(body, [...open, name]);
      if (body.charCodeAt(j) !== EQUALS)
        throw malformed(body, j, `an attribute without a value in <${name}>`);
      j++;
      while (j < n && isSpace(body.charCodeAt(j))) j++;
      if (j >= n) throw truncated(body, [...open, name]);
      const quote = body.charCodeAt(j);
      if (quote !== QUOTE && quote !== APOSTROPHE)
        throw malformed(body, j, `an unquoted attribute value in <${name}>`);
      const close = body.indexOf(quote === QUOTE ? '"' : "'", j + 1);
      if (close === -1) throw truncated(body, [...open, name]);
      j = close + 1;
      const after = body.charCodeAt(j);
      if (j < n && !isSpace(after) && after !== GT && after !== SLASH) {
        throw malformed(body, j, `attributes without a space between them in <${name}>`);
      }
    }
    if (root === null) root = name;
    if (!selfClosing) open.push(name);
    i = j;
  }

  if (root === null)
    throw new CommCellError(
      "parse",
      `Expected a CommCell job list but received XML without an element: "${bodySnippet(body)}".`,
    );
  if (open.length > 0) throw truncated(body, open);
  return { root, counted };
}
