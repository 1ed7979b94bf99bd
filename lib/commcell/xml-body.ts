// XML job lists (the API's default format). fast-xml-parser is lenient: it silently returns a partial tree
// for a truncated or mis-nested document, so the structure is checked first (xml-structure.ts), and every
// `<jobSummary>` start tag in the text must come out of the parser as a record.

import { XMLParser } from "fast-xml-parser";
import { htmlTitle } from "./body-snippet";
import { reportedError } from "./error-body";
import { CommCellError } from "./errors";
import { JOB_LIST_ROOT, jobListFromTree, type RawJobList } from "./job-list-tree";
import { checkXmlStructure } from "./xml-structure";

// Attributes without a prefix, values kept as strings: lib/jobs reads every scalar itself, and parsing
// "100.000000" twice would cost time for nothing. Entities are decoded (`&lt;br&gt;` -> `<br>`).
export const JOB_LIST_XML_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  parseTagValue: false,
  allowBooleanAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Set explicitly, not left to the library's defaults: declared entities are refused before parsing
  // (refuseHtmlAndEntities), so none may be defined or expanded here either; the five built-in ones are
  // decoded in every text, each bounded in what it may grow to.
  processEntities: {
    enabled: true,
    maxEntityCount: 1,
    maxEntitySize: 1,
    maxExpansionDepth: 1,
    maxTotalExpansions: Number.POSITIVE_INFINITY,
    maxExpandedLength: 100_000,
  },
  htmlEntities: false,
} as const;

const parser = new XMLParser(JOB_LIST_XML_OPTIONS);

const ELEMENT_NAME = /^<([A-Za-z_][\w.:-]*)[\s/>]/;

/**
 * What comes before the root element, read as markup: processing instructions and comments are skipped
 * whole, so a `<x` inside one is not taken for the root (a DTD after `<?pi <x ?>` was missed that way).
 * Gives the prolog's declarations and the root's name (null when none is found in the first 64 KB).
 */
function readProlog(body: string): { declarations: string; root: string | null } {
  let declarations = "";
  let at = 0;
  const end = Math.min(body.length, 65_536);
  while (at < end) {
    const open = body.indexOf("<", at);
    if (open < 0 || open >= end) break;
    const skipTo = body.startsWith("<?", open) ? "?>" : body.startsWith("<!--", open) ? "-->" : null;
    if (skipTo) {
      const close = body.indexOf(skipTo, open + 2);
      if (close < 0) break;
      at = close + skipTo.length;
      continue;
    }
    if (body.startsWith("<!", open)) {
      // A declaration (DOCTYPE): kept whole up to the root, internal subset and all.
      const next = body.indexOf("<", open + 2);
      declarations += body.slice(open, next < 0 ? end : Math.min(next, end));
      at = open + 2;
      continue;
    }
    return { declarations, root: ELEMENT_NAME.exec(body.slice(open, open + 200))?.[1] ?? null };
  }
  return { declarations: `${declarations}${body.slice(at, end)}`, root: null };
}

/** HTML error pages are rarely well-formed XML, so they are recognized before the structure check. */
function refuseHtmlAndEntities(body: string): void {
  const { declarations: prolog, root } = readProlog(body);
  if (root?.toLowerCase() === "html" || /<!doctype\s+html/i.test(prolog)) {
    const title = htmlTitle(body);
    throw new CommCellError(
      "parse",
      `Expected a CommCell job list but received an HTML page${title ? ` titled "${title}"` : ""}.`,
    );
  }
  // Entity declarations can expand without bound; a CommCell never sends them.
  if (/<!entity/i.test(prolog)) {
    throw new CommCellError("parse", "Received XML with entity declarations, which are not accepted.");
  }
}

function otherDocumentError(tree: unknown, root: string): CommCellError {
  return (
    reportedError((tree as Record<string, unknown>)[root]) ??
    new CommCellError("parse", `Expected a CommCell job list but received XML <${root}>.`)
  );
}

export function readXmlJobList(body: string): RawJobList {
  refuseHtmlAndEntities(body);
  const structure = checkXmlStructure(body, "jobSummary");

  let tree: unknown;
  try {
    tree = parser.parse(body);
  } catch (error) {
    throw new CommCellError("parse", `Received malformed XML: ${(error as Error).message}`, { cause: error });
  }
  if (structure.root.toLowerCase() !== JOB_LIST_ROOT.toLowerCase())
    throw otherDocumentError(tree, structure.root);

  const list = jobListFromTree(tree, "XML");
  if (structure.counted !== list.summaries.length) {
    throw new CommCellError(
      "parse",
      `Received malformed XML: the body has ${structure.counted} <jobSummary> elements but ${list.summaries.length} could be read.`,
    );
  }
  return list;
}
