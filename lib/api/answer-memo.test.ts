import { describe, expect, it } from "vitest";
import { answerMemo } from "./answer-memo";

describe("answerMemo", () => {
  it("makes a value once per answer and key", () => {
    const memo = answerMemo<number>(4);
    let made = 0;
    const make = () => ++made;
    const a = {};
    expect(memo.get(a, "x", make)).toBe(1);
    expect(memo.get(a, "x", make)).toBe(1);
    expect(memo.get(a, "y", make)).toBe(2);
    expect(memo.get({}, "x", make)).toBe(3);
  });

  it("remakes a kept value its reuse test refuses", () => {
    const memo = answerMemo<number>(4);
    const a = {};
    memo.get(a, "x", () => 1);
    expect(
      memo.get(
        a,
        "x",
        () => 2,
        (kept) => kept > 1,
      ),
    ).toBe(2);
    expect(
      memo.get(
        a,
        "x",
        () => 3,
        (kept) => kept > 1,
      ),
    ).toBe(2);
  });

  it("keeps at most `limit` keys per answer, dropping the oldest", () => {
    const memo = answerMemo<string>(2);
    const a = {};
    for (const key of ["a", "b", "c"]) memo.get(a, key, () => key);
    let remade = false;
    memo.get(a, "a", () => {
      remade = true;
      return "a2";
    });
    expect(remade).toBe(true);
    expect(memo.get(a, "c", () => "c2")).toBe("c");
  });
});
