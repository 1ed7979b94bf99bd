import { describe, expect, it } from "vitest";
import { JOB_TYPE_KEYS, JOB_TYPES, jobTypeKeyOf, jobTypeKeyOfFilterToken } from "./job-types";

describe("job types", () => {
  it("reads the jobType texts seen in captures", () => {
    expect(jobTypeKeyOf("Backup")).toBe("backup");
    expect(jobTypeKeyOf("Restore")).toBe("restore");
    expect(jobTypeKeyOf("Synthetic Full")).toBe("synthetic_full");
    expect(jobTypeKeyOf("CS DR Backup")).toBe("dr_backup");
    expect(jobTypeKeyOf("aux copy")).toBe("aux_copy");
  });

  it("keeps types it does not know as unknown", () => {
    expect(jobTypeKeyOf("Demo - New Machine Request")).toBe("unknown");
    expect(jobTypeKeyOf(null)).toBe("unknown");
  });

  it("reads jobFilter tokens as words, labels, keys and numeric codes in any case", () => {
    expect(jobTypeKeyOfFilterToken("backup")).toBe("backup");
    expect(jobTypeKeyOfFilterToken("4")).toBe("backup");
    expect(jobTypeKeyOfFilterToken("auxcopy")).toBe("aux_copy");
    expect(jobTypeKeyOfFilterToken("104")).toBe("aux_copy");
    expect(jobTypeKeyOfFilterToken("Synthetic Full")).toBe("synthetic_full");
    expect(jobTypeKeyOfFilterToken("14")).toBe("synthetic_full");
    expect(jobTypeKeyOfFilterToken("data_verification")).toBe("data_verification");
    expect(jobTypeKeyOfFilterToken("nonsense")).toBeUndefined();
    expect(jobTypeKeyOfFilterToken("999")).toBeUndefined();
  });

  it("gives every numeric code to exactly one type", () => {
    const codes = JOB_TYPE_KEYS.flatMap((key) => [...JOB_TYPES[key].codes]);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).not.toContain(1); // ALLOPS means every type, not one of them
  });

  it("gives every jobType text and filter word to exactly one type", () => {
    const texts = JOB_TYPE_KEYS.flatMap((key) => JOB_TYPES[key].jobTypes.map((t) => t.toLowerCase()));
    expect(new Set(texts).size).toBe(texts.length);
    const filters = JOB_TYPE_KEYS.map((key) => JOB_TYPES[key].filter.toLowerCase());
    expect(new Set(filters).size).toBe(filters.length);
  });
});
