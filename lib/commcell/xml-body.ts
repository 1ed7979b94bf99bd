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
  processEntities: true,
  htmlEntities: false,
} as const;

const parser = new XMLParser(JOB_LIST_XML_OPTIONS);

const FIRST_ELEMENT = /<([A-Za-z_][\w.:-]*)[\s/>]/;

/** HTML error pages are rarely well-formed XML, so they are recognized before the structure check. */
function refuseHtmlAndEntities(body: string): void {
  const first = FIRST_ELEMENT.exec(body);
  const prolog = first ? body.slice(0, first.index) : body.slice(0, 2000);
  if (first?.[1]?.toLowerCase() === "html" || /<!doctype\s+html/i.test(prolog)) {
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
