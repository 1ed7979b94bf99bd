// Recognizes the error bodies a CommCell sends with HTTP 200 (or with an error status): `errorCode` +
// `errorMessage`, `errList[]`, `error.errList[]`, `errors[].errList[]`, and XML roots carrying the same
// attributes. Keys are folded (lower case, no `@`) before they get here.

import { toText } from "./coerce";
import { CommCellError } from "./errors";
import { asList, type FoldedRecord, foldRecord } from "./raw-record";

export interface CommCellErrorReport {
  readonly code: string | null;
  readonly message: string;
}

const MESSAGE_KEYS = ["errlogmessage", "errormessage", "errorstring", "message"] as const;
const NESTED_KEYS = ["errlist", "error", "errors", "response"] as const;

function messageOf(record: FoldedRecord): string | null {
  for (const key of MESSAGE_KEYS) {
    const text = toText(record[key]);
    if (text) return text;
  }
  return null;
}

/** A non-zero error code: `errorCode: 0` accompanies successful answers too. */
function codeOf(record: FoldedRecord): string | null {
  const code = toText(record.errorcode);
  return code !== null && code !== "0" ? code : null;
}

export function findErrorReport(value: unknown, depth = 0): CommCellErrorReport | null {
  const record = foldRecord(value);
  if (!record || depth > 3) return null;
  const code = codeOf(record);
  const message = messageOf(record);
  if (code !== null || (message !== null && depth > 0)) {
    return { code, message: message ?? `error code ${code}` };
  }
  for (const key of NESTED_KEYS) {
    for (const item of asList(record[key])) {
      const nested = findErrorReport(item, depth + 1);
      if (nested) return nested;
    }
  }
  return null;
}

/** The CommCell's own error report in a body, as an `upstream` error; null when the body has none. */
export function reportedError(value: unknown): CommCellError | null {
  const report = findErrorReport(value);
  if (!report) return null;
  const code = report.code ? ` (code ${report.code})` : "";
  return new CommCellError(
    "upstream",
    `The CommCell reported an error instead of a job list${code}: ${report.message}`,
    {
      code: report.code,
    },
  );
}
