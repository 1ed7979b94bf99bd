import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/lib/simulator/http/server";
import { signIn, startTestSimulator } from "@/lib/simulator/testing";
import { fetchInventory, readClients, readSubclients } from "./inventory";
import { TokenSource } from "./token-source";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator({ jobs: 3000, clients: 20 });
});
afterAll(() => sim.close());

const sessionOf = (token: string) => ({
  root: sim.url,
  timeoutMs: 10_000,
  tokens: new TokenSource(null, token),
});

describe("the subclient inventory", () => {
  it("reads every client's subclients from the simulator over HTTP, with what coverage needs", async () => {
    const inventory = await fetchInventory(sessionOf(await signIn(sim)));
    expect(inventory.kind).toBe("commcell");
    if (inventory.kind !== "commcell") return;
    expect(inventory.subclients.length).toBeGreaterThan(20);
    expect(inventory.subclients.some((sub) => !sub.backupEnabled)).toBe(true);
    expect(inventory.subclients.some((sub) => sub.lastBackupTime === null)).toBe(true);
    expect(inventory.subclients.every((sub) => sub.name && sub.clientName && sub.agent)).toBe(true);
  });

  it("falls back to the jobs alone, saying why, when the CommCell will not give it", async () => {
    const refused = await fetchInventory({
      root: new URL("Nowhere/", sim.url).href,
      timeoutMs: 5000,
      tokens: new TokenSource(null, await signIn(sim)),
    });
    expect(refused).toMatchObject({ kind: "jobs-only" });
    if (refused.kind === "jobs-only")
      expect(refused.reason).toContain("did not give the subclient inventory");
  });

  it("reads the documented shapes and refuses what is not an inventory", () => {
    expect(
      readClients('{"clientProperties":[{"client":{"clientEntity":{"clientId":2,"clientName":"a"}}}]}'),
    ).toEqual([{ id: 2, name: "a" }]);
    expect(
      readSubclients(
        '{"subClientProperties":[{"subClientEntity":{"clientId":2,"clientName":"a","appName":"SQL Server","subclientId":7,"subclientName":"db"},"commonProperties":{"lastBackupTime":1496122319,"enableBackup":false}}]}',
      ),
    ).toEqual([
      {
        id: 7,
        name: "db",
        clientId: 2,
        clientName: "a",
        agent: "SQL Server",
        backupEnabled: false,
        lastBackupTime: 1496122319000,
      },
    ]);
    expect(readSubclients("{}")).toEqual([]);
    expect(() => readSubclients('{"errorCode":5,"errorMessage":"Access denied"}')).toThrow("Access denied");
    expect(() => readClients("<html/>")).toThrow("not JSON");
  });
});
