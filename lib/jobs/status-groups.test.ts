import { describe, expect, it } from "vitest";
import { OUTCOME_GROUP, OUTCOME_KINDS, OUTCOMES, STATUS_GROUPS, TILE_KEYS } from "./status-groups";
import { STATUS_INFO, STATUS_KINDS } from "./statuses";

describe("the status groupings", () => {
  it("put each status kind in at most one tile, and every active kind but the pending actions in one", () => {
    const seen = new Map<string, string>();
    for (const key of TILE_KEYS) {
      for (const kind of STATUS_GROUPS[key].kinds) {
        expect(seen.get(kind), `${kind} in ${key} and ${seen.get(kind)}`).toBeUndefined();
        seen.set(kind, key);
      }
    }
    const untiled = STATUS_KINDS.filter((kind) => !seen.has(kind));
    expect(untiled.sort()).toEqual(["interrupt_pending", "kill_pending", "unknown"]);
  });

  it("give a group its kinds' own tone, so a badge and its tile agree", () => {
    for (const key of TILE_KEYS) {
      const group = STATUS_GROUPS[key];
      for (const kind of group.kinds) {
        if (kind !== "suspend_pending") expect(STATUS_INFO[kind].tone, `${key}: ${kind}`).toBe(group.tone);
      }
      // Active groups open active jobs; finished ones every job in the window.
      expect(group.category === "active").toBe(group.kinds.every((kind) => STATUS_INFO[kind].active));
    }
  });

  it("make each chart outcome one finished tile, with the same kinds", () => {
    for (const outcome of OUTCOMES) {
      expect(OUTCOME_KINDS[outcome]).toEqual(STATUS_GROUPS[OUTCOME_GROUP[outcome]].kinds);
    }
    const tones = OUTCOMES.map((outcome) => STATUS_GROUPS[OUTCOME_GROUP[outcome]].tone);
    expect(new Set(tones).size).toBe(OUTCOMES.length);
  });
});
