// npm run -s parse -- FILE: what the dashboard makes of a response a CommCell sent.
// Prints { total, jobs, dropped } as JSON, or the error on stderr with a non-zero exit.

import { readFileSync } from "node:fs";
import { isCommCellError } from "@/lib/commcell/errors";
import { parseJobList } from "@/lib/commcell/parse-job-list";

function main(argv: readonly string[]): number {
  const file = argv[0];
  if (!file || argv.length > 1 || file === "--help" || file === "-h") {
    process.stderr.write(
      "usage: npm run -s parse -- FILE   (a captured GET /Job response, XML or JSON; - for stdin)\n",
    );
    return 2;
  }
  let body: string;
  try {
    body = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (error) {
    process.stderr.write(`parse: cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    const list = parseJobList(body);
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!isCommCellError(error)) throw error;
    process.stderr.write(`parse: ${file}: ${error.message}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
