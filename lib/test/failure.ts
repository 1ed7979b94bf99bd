// The CommCellError a promise rejects with; fails the test when it resolves or rejects with anything else.

import { expect } from "vitest";
import { CommCellError } from "@/lib/commcell/errors";

export async function commCellFailure(promise: Promise<unknown>): Promise<CommCellError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CommCellError);
  return error as CommCellError;
}
