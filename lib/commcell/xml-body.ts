// XML job lists (the API's default format). fast-xml-parser is lenient: it silently returns a partial tree
// for a truncated document, so the structure is checked around it: the root must be closed, and every
// `<jobSummary` in the text must come out of the parser as a record.

import { XMLParser } from "fast-xml-parser";
import { bodySnippet, htmlTitle } from "./body-snippet";
import { findErrorReport } from "./error-body";
import { CommCellError } from "./errors";
import { JOB_LIST_ROOT, jobListFromTree, type RawJobList } from "./job-list-tree";

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
const SUMMARY_TAG = /<jobsummary[\s/>]/gi;

function countSummaryTags(body: string): number {
  SUMMARY_TAG.lastIndex = 0;
  let count = 0;
  while (SUMMARY_TAG.exec(body) !== null) count++;
  return count;
}

function rootElement(body: string): { name: string; index: number } {
  const match = FIRST_ELEMENT.exec(body);
  if (!match?.[1]) {
    throw new CommCellError(
      "parse",
      `Expected a CommCell job list but received XML without an element: "${bodySnippet(body)}".`,
    );
  }
  return { name: match[1], index: match.index };
}

function assertClosed(body: string, root: { name: string; index: number }): void {
  const end = body.trimEnd();
  if (end.endsWith(`</${root.name}>`)) return;
  // A self-closing root is the only element of its document.
  if (end.endsWith("/>") && end.lastIndexOf("<") === root.index) return;
  throw new CommCellError(
    "parse",
    `Received truncated XML: the body ends before </${root.name}> after ${body.length} characters ("…${bodySnippet(end.slice(-80), 80)}").`,
  );
}

export function readXmlJobList(body: string): RawJobList {
  const root = rootElement(body);
  const prolog = body.slice(0, root.index);
  if (root.name.toLowerCase() === "html" || /<!doctype\s+html/i.test(prolog)) {
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
  assertClosed(body, root);

  let tree: unknown;
  try {
    tree = parser.parse(body);
  } catch (error) {
    throw new CommCellError("parse", `Received malformed XML: ${(error as Error).message}`, { cause: error });
  }

  if (root.name.toLowerCase() !== JOB_LIST_ROOT.toLowerCase()) {
    const element = (tree as Record<string, unknown>)[root.name];
    const report = findErrorReport(element);
    if (report) {
      throw new CommCellError(
        "upstream",
        `The CommCell reported an error instead of a job list${report.code ? ` (code ${report.code})` : ""}: ${report.message}`,
        { code: report.code },
      );
    }
    throw new CommCellError("parse", `Expected a CommCell job list but received XML <${root.name}>.`);
  }

  const list = jobListFromTree(tree, "XML");
  const tags = countSummaryTags(body);
  if (tags !== list.summaries.length) {
    throw new CommCellError(
      "parse",
      `Received malformed XML: the body has ${tags} <jobSummary> elements but ${list.summaries.length} could be read.`,
    );
  }
  return list;
}
