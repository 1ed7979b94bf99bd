import { describe, expect, it } from "vitest";
import { readActionAnswer } from "./job-actions";

describe("reading an action's answer as Commvault's clients do", () => {
  it("takes {}, errorCode 0, an empty body and errors with code 0 as success", () => {
    for (const body of [
      "{}",
      '{"errorCode":0}',
      "",
      '{"errors":[{"errList":[]}]}',
      '{"errors":[{"errList":[{"errorCode":0}]}]}',
    ])
      expect(readActionAnswer("kill", body), body).toEqual({ outcome: "accepted" });
  });

  it("reads a refusal in the CommCell's words, whichever shape it comes in", () => {
    expect(
      readActionAnswer(
        "suspend",
        '{"errors":[{"errList":[{"errorCode":5,"errLogMessage":"User [viewer] does not have the Job Management permission on job [7]."}]}]}',
      ),
    ).toEqual({
      outcome: "refused",
      message: "User [viewer] does not have the Job Management permission on job [7]. (code 5)",
    });
    expect(readActionAnswer("kill", '{"errorCode":1,"errorMessage":"Job [7]: not active."}')).toEqual({
      outcome: "refused",
      message: "Job [7]: not active. (code 1)",
    });
    expect(readActionAnswer("kill", "<html><title>500</title></html>").outcome).toBe("refused");
  });

  it("reads the new job of a resubmission, and refuses an answer that names none", () => {
    expect(readActionAnswer("resubmit", '{"jobIds":["4321"]}')).toEqual({
      outcome: "accepted",
      newJobId: 4321,
    });
    expect(readActionAnswer("resubmit", '{"jobIds":[]}').outcome).toBe("refused");
    expect(readActionAnswer("resubmit", "{}").outcome).toBe("refused");
  });
});
