// JSON job lists: v11 (`{"totalRecordsWithoutPaging": N, "jobs": [...]}`, real numbers) and legacy
// (the XML shape as JSON: root element kept, attributes prefixed `@`, every value a string).

import { bodySnippet } from "./body-snippet";
import { CommCellError } from "./errors";
import { jobListFromTree, type RawJobList } from "./job-list-tree";

export function readJsonJobList(body: string): RawJobList {
  let tree: unknown;
  try {
    tree = JSON.parse(body);
  } catch (error) {
    throw new CommCellError(
      "parse",
      `Received malformed or truncated JSON (${(error as Error).message}), ${body.length} characters starting "${bodySnippet(body, 60)}".`,
      { cause: error },
    );
  }
  return jobListFromTree(tree, "JSON");
}
