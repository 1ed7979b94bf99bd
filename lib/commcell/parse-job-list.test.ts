import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CommCellError } from "./errors";
import { parseJobList } from "./parse-job-list";

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");

function parseError(body: string, contentType?: string): CommCellError {
  try {
    parseJobList(body, contentType);
  } catch (error) {
    expect(error).toBeInstanceOf(CommCellError);
    return error as CommCellError;
  }
  throw new Error(`expected ${JSON.stringify(body.slice(0, 60))} to be refused`);
}

describe("the seed's XML samples, verbatim", () => {
  it("parses the client sample with raw <br>, line breaks and backslashes in attributes", () => {
    const list = parseJobList(fixture("seed-client-2.xml"), "application/xml");
    expect(list.total).toBe(3);
    expect(list.jobs.map((job) => job.id)).toEqual([681, 707, 795]);
    expect(list.jobs.map((job) => job.statusKind)).toEqual(["killed", "suspended", "failed_to_start"]);
    const [killed, suspended, failedToStart] = list.jobs;
    expect(killed?.pendingReason?.reasons).toHaveLength(3);
    expect(killed?.pendingReason?.reasons[2]).toEqual({
      message:
        "DeDuplication DB access path [C:\\\\DeDupDB] on MediaAgent [DOCLABHVHOST.commcell.com] is offline for Storage Policy Copy [ Policy_1 / Primary ]. Offline Reason: Cannot read from index cache directory.",
      source: "client001",
      process: "JobManager",
    });
    expect(suspended?.pendingReason?.reasons[1]?.message).toContain("[C:\\DeDupDB]");
    expect(suspended).toMatchObject({
      active: true,
      phase: "Backup",
      percentComplete: 25,
      lastUpdateTime: null,
    });
    expect(failedToStart).toMatchObject({
      statusColor: "redspan",
      client: { id: null, name: "client001" },
      subclient: { id: null, name: "default" },
      backupSet: { id: null, name: "defaultBackupSet" },
      appType: { id: null, name: "File System" },
      elapsedSeconds: 0,
      startTime: 1381528835000,
    });
    expect(failedToStart?.pendingReason?.reasons).toEqual([
      {
        message:
          "Another backup is running for client [client001], iDataAgent [Windows File System], Backup Set [defaultBackupSet], Subclient [default].",
        source: "client001",
        process: "JobManager",
      },
    ]);
  });

  it("parses the active-jobs sample", () => {
    const list = parseJobList(fixture("seed-active.xml"));
    expect(list.total).toBe(21);
    expect(list.jobs).toHaveLength(3);
    const first = list.jobs[0];
    expect(first).toMatchObject({
      id: 270,
      type: "Demo - New Machine Request",
      typeKey: "unknown",
      statusKind: "waiting",
      localizedStatus: "Waiting",
      backupLevel: { kind: "none", name: "None" },
      client: { id: 2, name: "dkalevm2" },
      percentComplete: 6,
      isAged: false,
      pendingReason: { errorCode: "19:857" },
    });
    expect(list.jobs.map((job) => job.client?.id)).toEqual([2, 4, 6]);
  });

  it("parses the lookup sample with client groups and isPreemptable", () => {
    const list = parseJobList(fixture("seed-lookup-300.xml"));
    expect(list.total).toBe(21);
    expect(list.jobs).toHaveLength(3);
    for (const job of list.jobs) {
      expect(job.clientGroups).toEqual([
        { id: 1, name: "Infrastructure" },
        { id: 5, name: "Media Agents" },
      ]);
      expect(job.isPreemptable).toBe(true);
    }
  });
});

describe("JSON v11", () => {
  it("reads numbers and booleans as sent", () => {
    const list = parseJobList(
      JSON.stringify({
        totalRecordsWithoutPaging: 5,
        jobs: [{ jobSummary: { jobId: 1, status: "Completed", isVisible: true, percentSavings: 98.9697 } }],
      }),
      "application/json",
    );
    expect(list.total).toBe(5);
    expect(list.jobs[0]).toMatchObject({
      id: 1,
      statusKind: "completed",
      percentSavings: 98.9697,
      isVisible: true,
    });
  });

  it("reads an answer with no jobs as an empty list with its total", () => {
    expect(parseJobList('{"totalRecordsWithoutPaging":0}')).toMatchObject({ total: 0, jobs: [] });
    expect(parseJobList('{"totalRecordsWithoutPaging":0,"jobs":[]}')).toMatchObject({ total: 0, jobs: [] });
    expect(parseJobList("{}")).toMatchObject({ total: 0, jobs: [] });
  });

  it("drops invisible jobs and reports how many", () => {
    const list = parseJobList(
      JSON.stringify({
        totalRecordsWithoutPaging: 3,
        jobs: [
          { jobSummary: { jobId: 1, isVisible: false } },
          { jobSummary: { jobId: 2, isVisible: true } },
          { jobSummary: { jobId: 3 } },
          { jobSummary: { status: "Running" } },
        ],
      }),
    );
    expect(list.jobs.map((job) => job.id)).toEqual([2, 3]);
    expect(list.dropped).toEqual({ hidden: 1, unreadable: 1 });
    expect(list.total).toBe(4);
  });

  it("counts a jobs item that is a bare array as one unreadable record, not as nothing", () => {
    const list = parseJobList(
      JSON.stringify({ jobs: [{ jobSummary: { jobId: 1 } }, [{ jobId: 2 }], { jobSummary: { jobId: 3 } }] }),
    );
    expect(list.jobs.map((job) => job.id)).toEqual([1, 3]);
    expect(list.dropped).toEqual({ hidden: 0, unreadable: 1 });
  });

  it("ignores a wrong content type and reads the body", () => {
    expect(parseJobList('{"jobs":[{"jobSummary":{"jobId":8}}]}', "text/xml").jobs[0]?.id).toBe(8);
    expect(parseJobList(fixture("seed-active.xml"), "application/json").jobs).toHaveLength(3);
  });

  it("reads a body with a byte order mark and leading white space", () => {
    expect(parseJobList('\uFEFF \n{"jobs":[{"jobSummary":{"jobId":8}}]}').jobs).toHaveLength(1);
  });
});

describe("legacy JSON (the XML shape with @ attributes)", () => {
  it("reads the root, @-prefixed strings and single objects where XML had one child", () => {
    const body = JSON.stringify({
      JobManager_JobListResponse: {
        "@totalRecordsWithoutPaging": "2",
        jobs: [
          {
            jobSummary: {
              "@jobId": "681",
              "@status": "Killed",
              "@percentComplete": "100.000000",
              "@isVisible": "true",
              subclient: { "@clientId": "2", "@clientName": "client001" },
              clientGroups: { "@clientGroupId": "1", "@clientGroupName": "Infrastructure" },
            },
          },
          { jobSummary: { "@jobId": "707", "@status": "Suspended", "@isPreemtable": "0" } },
        ],
      },
    });
    const list = parseJobList(body);
    expect(list.total).toBe(2);
    expect(list.jobs[0]).toMatchObject({
      id: 681,
      statusKind: "killed",
      percentComplete: 100,
      client: { id: 2, name: "client001" },
      clientGroups: [{ id: 1, name: "Infrastructure" }],
    });
    expect(list.jobs[1]).toMatchObject({ id: 707, statusKind: "suspended", isPreemptable: false });
  });

  it("reads one job given as an object instead of a list", () => {
    const body = JSON.stringify({
      JobManager_JobListResponse: {
        "@totalRecordsWithoutPaging": "1",
        jobs: { jobSummary: { "@jobId": "5" } },
      },
    });
    expect(parseJobList(body).jobs.map((job) => job.id)).toEqual([5]);
  });
});

describe("XML edge cases", () => {
  it("reads a one-job answer as a list", () => {
    const list = parseJobList(
      '<JobManager_JobListResponse totalRecordsWithoutPaging="1"><jobs><jobSummary jobId="4" status="Completed"/></jobs></JobManager_JobListResponse>',
    );
    expect(list.jobs.map((job) => job.id)).toEqual([4]);
  });

  it("reads an answer with no jobs as an empty list with its total", () => {
    expect(parseJobList('<JobManager_JobListResponse totalRecordsWithoutPaging="0"/>')).toMatchObject({
      total: 0,
      jobs: [],
    });
    expect(
      parseJobList("<?xml version='1.0'?>\n<JobManager_JobListResponse></JobManager_JobListResponse>"),
    ).toMatchObject({
      total: 0,
      jobs: [],
    });
  });

  it("counts an empty <jobSummary/> as unreadable and skips an empty <jobs/>", () => {
    const list = parseJobList(
      '<JobManager_JobListResponse totalRecordsWithoutPaging="2"><jobs/><jobs><jobSummary/></jobs><jobs><jobSummary jobId="3"/></jobs></JobManager_JobListResponse>',
    );
    expect(list.jobs.map((job) => job.id)).toEqual([3]);
    expect(list.dropped).toEqual({ hidden: 0, unreadable: 1 });
  });

  it("decodes entities in attributes", () => {
    const list = parseJobList(
      '<JobManager_JobListResponse><jobs><jobSummary jobId="4" pendingReason="a &lt;br&gt;Source: c &amp; d, Process: P" subclientName="&quot;q&quot;"/></jobs></JobManager_JobListResponse>',
    );
    expect(list.jobs[0]?.pendingReason?.reasons).toEqual([{ message: "a", source: "c & d", process: "P" }]);
    expect(list.jobs[0]?.subclient?.name).toBe('"q"');
  });

  it("matches attribute names whatever their case", () => {
    const list = parseJobList(
      '<JobManager_JobListResponse TotalRecordsWithoutPaging="9"><jobs><jobSummary JOBID="4" Status="Failed" localizedstatus="Failed"/></jobs></JobManager_JobListResponse>',
    );
    expect(list.total).toBe(9);
    expect(list.jobs[0]).toMatchObject({ id: 4, statusKind: "failed", localizedStatus: "Failed" });
  });
});

describe("bodies that are not job lists", () => {
  it("refuses an empty body", () => {
    const error = parseError("  \n", "application/json");
    expect(error.kind).toBe("parse");
    expect(error.message).toMatch(/empty body \(sent as application\/json\)/);
  });

  it("refuses plain text and quotes it", () => {
    const error = parseError("Invalid authorization token provided.", "text/plain; charset=utf-8");
    expect(error.kind).toBe("parse");
    expect(error.message).toContain(
      'plain text (sent as text/plain): "Invalid authorization token provided."',
    );
  });

  it("refuses an HTML error page and names its title", () => {
    const error = parseError(
      "<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body>down</body></html>",
    );
    expect(error.kind).toBe("parse");
    expect(error.message).toContain('HTML page titled "503 Service Unavailable"');
    expect(parseError("<html><body>IIS</body></html>").message).toContain("HTML page");
  });

  it("refuses truncated XML", () => {
    const body = fixture("seed-active.xml");
    const error = parseError(body.slice(0, body.length - 10));
    expect(error.kind).toBe("parse");
    expect(error.message).toMatch(/truncated XML: the body ends before <\/JobManager_JobListResponse>/);
  });

  it("refuses XML whose records the parser cannot all read", () => {
    const error = parseError(
      '<JobManager_JobListResponse><jobs><jobSummary jobId="1"/><jobSummary jobId=2 <jobs></jobs></JobManager_JobListResponse>',
    );
    expect(error.kind).toBe("parse");
  });

  it("refuses XML with mismatched tags", () => {
    expect(parseError("<JobManager_JobListResponse><jobs></job></JobManager_JobListResponse>").kind).toBe(
      "parse",
    );
  });

  it("refuses XML with entity declarations", () => {
    const error = parseError(
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><JobManager_JobListResponse></JobManager_JobListResponse>',
    );
    expect(error.message).toContain("entity declarations");
  });

  it("refuses entity declarations placed after a processing instruction or comment that holds a '<x'", () => {
    for (const before of ['<?xml-stylesheet href="<a "?>', "<!-- <b c -->"]) {
      const error = parseError(
        `<?xml version="1.0"?>${before}<!DOCTYPE x [<!ENTITY a "aaaa">]><JobManager_JobListResponse>&a;</JobManager_JobListResponse>`,
      );
      expect(error.message).toContain("entity declarations");
    }
  });

  it("reports an XML error body from the CommCell", () => {
    const error = parseError('<CVGui_GenericResp errorCode="1" errorMessage="Access denied"/>');
    expect(error.kind).toBe("upstream");
    expect(error.code).toBe("1");
    expect(error.message).toContain("Access denied");
  });

  it("refuses other XML documents", () => {
    expect(parseError("<Clients><client/></Clients>").message).toContain("received XML <Clients>");
  });

  it("refuses truncated or malformed JSON", () => {
    const error = parseError('{"totalRecordsWithoutPaging":3,"jobs":[{"jobSummary":{"jobId":1');
    expect(error.kind).toBe("parse");
    expect(error.message).toMatch(/malformed or truncated JSON/);
  });

  it("reports each JSON error body shape the CommCell sends with HTTP 200", () => {
    const bodies = [
      { errorCode: 2, errorMessage: "No permission" },
      { errList: [{ errorCode: 5, errLogMessage: "No permission" }] },
      { error: { errList: [{ errorCode: 5, errLogMessage: "No permission" }] } },
      { errors: [{ errList: [{ errorCode: 5, errLogMessage: "No permission" }] }] },
    ];
    for (const body of bodies) {
      const error = parseError(JSON.stringify(body));
      expect(error.kind).toBe("upstream");
      expect(error.message).toContain("No permission");
    }
  });

  it("refuses JSON of another shape and names its keys", () => {
    const error = parseError(JSON.stringify({ job: { jobDetail: {} } }));
    expect(error.kind).toBe("parse");
    expect(error.message).toContain("keys: job");
    expect(parseError("[1,2]").message).toContain("JSON array");
    expect(parseError("42").kind).toBe("parse");
    expect(parseError("null").kind).toBe("parse");
  });
});
