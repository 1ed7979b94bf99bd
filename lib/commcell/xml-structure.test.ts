import { describe, expect, it } from "vitest";
import { CommCellError } from "./errors";
import { checkXmlStructure } from "./xml-structure";

function refusal(body: string): string {
  try {
    checkXmlStructure(body, "jobSummary");
  } catch (error) {
    expect(error).toBeInstanceOf(CommCellError);
    expect((error as CommCellError).kind).toBe("parse");
    return (error as CommCellError).message;
  }
  throw new Error(`expected ${body} to be refused`);
}

describe("checkXmlStructure", () => {
  it("accepts nested, self-closing and prolog content, and counts the named start tags", () => {
    const body =
      '<?xml version="1.0"?>\n<!-- hi --><R a="1"><jobs><jobSummary x="a<br>b\nc" y=\'q\'><s/></jobSummary></jobs><jobs><JOBSUMMARY/></jobs><![CDATA[<x>]]></R>\n';
    expect(checkXmlStructure(body, "jobSummary")).toEqual({ root: "R", counted: 2 });
  });

  it("accepts a self-closing root", () => {
    expect(checkXmlStructure('<R total="0"/>', "x")).toEqual({ root: "R", counted: 0 });
  });

  it("says where a truncated body stops", () => {
    expect(refusal('<R><jobs><jobSummary a="1"')).toMatch(
      /truncated XML: the body ends inside <jobSummary> before <\/R>/,
    );
    expect(refusal('<R><jobs><jobSummary a="1')).toMatch(/truncated/);
    expect(refusal("<R><jobs></jobs>")).toMatch(/truncated XML: the body ends before <\/R>/);
    expect(refusal("<R><jobs></jo")).toMatch(/truncated/);
    expect(refusal("<R><!-- never closed")).toMatch(/truncated/);
    expect(refusal("<R><")).toMatch(/truncated/);
  });

  it("names what is malformed", () => {
    expect(refusal("<R><a></b></R>")).toMatch(/closing tag <\/b> where <\/a> was expected/);
    expect(refusal("<R></R></R>")).toMatch(/without an open element/);
    expect(refusal("<R a=1/>")).toMatch(/unquoted attribute value/);
    expect(refusal("<R a/>")).toMatch(/attribute without a value/);
    expect(refusal('<R a="1"b="2"/>')).toMatch(/without a space/);
    expect(refusal("<R></R><S/>")).toMatch(/second root/);
    expect(refusal("<R></R> trailing")).toMatch(/text after the root/);
    expect(refusal("<R>< a/></R>")).toMatch(/starts no tag/);
    expect(refusal("<R / ></R>")).toMatch(/stray "\/"/);
  });

  it("refuses a body without an element", () => {
    expect(refusal("<!-- only a comment -->")).toMatch(/without an element/);
  });

  // Before each `<!` stopped scanning at its own end, this body (a megabyte of declarations) took hours.
  it("reads a megabyte of declarations without a bracket in one pass", () => {
    const body = `<JobManager_JobListResponse>${"<!x>".repeat(1 << 18)}<jobs/></JobManager_JobListResponse>`;
    expect(checkXmlStructure(body, "jobs")).toEqual({ root: "JobManager_JobListResponse", counted: 1 });
  });
});
