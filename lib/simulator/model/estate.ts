// The simulated CommCell's estate: clients in client groups, their agents, backup sets and subclients, and
// the storage policies they write to. Made from the seed alone, so one seed is always the same estate.

import { deriveSeed, intBetween, pick, type Random, seededRandom } from "./random";

export interface Agent {
  /** appTypeName, as a CommCell names the iDataAgent. */
  readonly appName: string;
  readonly applicationId: number;
  readonly family: AgentFamily;
}

export type AgentFamily = "file" | "sql" | "oracle" | "vmware" | "exchange" | "nas";

export interface ClientGroup {
  readonly id: number;
  readonly name: string;
}

export interface Client {
  readonly id: number;
  readonly name: string;
  readonly hostName: string;
  readonly groups: readonly ClientGroup[];
}

export interface Subclient {
  readonly id: number;
  readonly name: string;
  readonly client: Client;
  readonly agent: Agent;
  readonly instanceId: number;
  readonly instanceName: string;
  readonly backupsetId: number;
  readonly backupsetName: string;
  readonly storagePolicy: string;
  /** Size of a full backup of this subclient, in bytes. */
  readonly fullBytes: number;
  readonly fullFiles: number;
  /** Nightly start, in seconds after midnight UTC (may pass midnight). */
  readonly nightlyStart: number;
  /** Day of the week (0 Sunday) of the weekly full or synthetic full. */
  readonly fullDay: number;
  readonly synthetic: boolean;
  /** Whether it is scheduled: "never" is new and has never run, "disabled" has backup switched off. */
  readonly backup: SubclientBackup;
}

export type SubclientBackup = "enabled" | "disabled" | "never";

/**
 * Which subclients are not backed up, from their ids (not the estate's random stream, so every other choice
 * of the estate stays as it was): about one in 23 never ran, one in 29 has backup disabled.
 */
export function backupOf(subclientId: number): SubclientBackup {
  if (subclientId % 23 === 5) return "never";
  if (subclientId % 29 === 7) return "disabled";
  return "enabled";
}

/**
 * Clients that go quiet: about one in eleven has a spell of five days without backups every sixty days (a
 * machine switched off, an agent broken), so at any time some have a last good backup days old.
 */
export function quietOn(client: Client, day: number): boolean {
  return client.id % 11 === 3 && (day + client.id * 7) % 60 < 5;
}

export interface Estate {
  readonly commServe: Client;
  readonly clients: readonly Client[];
  readonly groups: readonly ClientGroup[];
  readonly subclients: readonly Subclient[];
  readonly storagePolicies: readonly string[];
  readonly mediaAgents: readonly string[];
  readonly workflows: readonly string[];
}

const AGENTS: Readonly<Record<AgentFamily, readonly Agent[]>> = {
  file: [
    { appName: "Windows File System", applicationId: 33, family: "file" },
    { appName: "Linux File System", applicationId: 29, family: "file" },
  ],
  sql: [{ appName: "SQL Server", applicationId: 81, family: "sql" }],
  oracle: [{ appName: "Oracle", applicationId: 22, family: "oracle" }],
  vmware: [{ appName: "Virtual Server", applicationId: 106, family: "vmware" }],
  exchange: [{ appName: "Exchange Mailbox", applicationId: 137, family: "exchange" }],
  nas: [{ appName: "NDMP", applicationId: 13, family: "nas" }],
};

// What a client is for decides its name, its agents and some of its groups.
const ROLES = [
  { prefix: "fs", families: ["file"], weight: 40, groups: ["File Servers"] },
  { prefix: "sql", families: ["file", "sql"], weight: 18, groups: ["Databases"] },
  { prefix: "ora", families: ["file", "oracle"], weight: 8, groups: ["Databases"] },
  { prefix: "esx", families: ["vmware"], weight: 16, groups: ["Virtualization"] },
  { prefix: "exch", families: ["exchange"], weight: 6, groups: ["Messaging"] },
  { prefix: "nas", families: ["nas"], weight: 6, groups: ["NAS Filers"] },
  { prefix: "app", families: ["file"], weight: 6, groups: ["Applications"] },
] as const;

const SITES = ["lon", "fra", "nyc", "sgp"] as const;
const TIERS = ["Production", "Development", "Finance", "HR"] as const;

const SUBCLIENT_NAMES: Readonly<Record<AgentFamily, readonly string[]>> = {
  file: ["default", "system-state", "data", "home-dirs", "app-config"],
  sql: ["default", "logs", "reporting-db"],
  oracle: ["default", "archivelogs"],
  vmware: ["default", "tier1-vms", "tier2-vms", "infra-vms"],
  exchange: ["default", "journal-mailboxes"],
  nas: ["default", "vol-projects", "vol-shared"],
};

// Full backup size ranges by agent, in GiB.
const FULL_GIB: Readonly<Record<AgentFamily, readonly [number, number]>> = {
  file: [20, 1500],
  sql: [10, 800],
  oracle: [50, 2500],
  vmware: [200, 6000],
  exchange: [100, 3000],
  nas: [500, 12000],
};

const GIB = 1024 ** 3;

function instanceFor(family: AgentFamily, random: Random): string {
  if (family === "sql") return pick(random, ["MSSQLSERVER", "SQLPROD", "SQLREPORT"]);
  if (family === "oracle") return pick(random, ["ORCLPRD", "ERPDB", "DWH01"]);
  if (family === "vmware") return pick(random, ["vcenter-lon", "vcenter-fra"]);
  return "DefaultInstanceName";
}

export function buildEstate(seed: number, clientCount: number): Estate {
  const random = seededRandom(deriveSeed(seed, 1));
  const groupNames = [
    "Infrastructure",
    "Media Agents",
    ...new Set(ROLES.flatMap((role) => role.groups)),
    ...TIERS,
    ...SITES.map((site) => `Site ${site.toUpperCase()}`),
  ];
  const groups = groupNames.map((name, index) => ({ id: index + 1, name }));
  const group = (name: string) => groups.find((g) => g.name === name) as ClientGroup;

  const commServe: Client = {
    id: 2,
    name: "cs01",
    hostName: "cs01.corp.example",
    groups: [group("Infrastructure")],
  };
  const mediaAgents = ["ma01", "ma02", "ma03", "ma04"];
  const clients: Client[] = [
    commServe,
    ...mediaAgents.map((name, index) => ({
      id: 3 + index,
      name,
      hostName: `${name}.corp.example`,
      groups: [group("Infrastructure"), group("Media Agents")],
    })),
  ];
  const counters = new Map<string, number>();
  const subclients: Subclient[] = [];
  const storagePolicies = ["SP-Gold-30d", "SP-Silver-14d", "SP-Bronze-7d", "SP-Archive-1y", "SP-DB-Logs"];
  let subclientId = 100;
  let backupsetId = 10;
  let instanceId = 5;

  for (let i = 0; i < clientCount; i++) {
    let roll = random() * ROLES.reduce((sum, role) => sum + role.weight, 0);
    const role =
      ROLES.find((r) => {
        roll -= r.weight;
        return roll < 0;
      }) ?? ROLES[0];
    const site = pick(random, SITES);
    const number = (counters.get(role.prefix) ?? 0) + 1;
    counters.set(role.prefix, number);
    const name = `${role.prefix}-${site}-${String(number).padStart(3, "0")}`;
    const tier = pick(random, TIERS);
    const clientGroups = [...role.groups.map(group), group(tier), group(`Site ${site.toUpperCase()}`)];
    const client: Client = {
      id: clients.length + 2,
      name,
      hostName: `${name}.corp.example`,
      groups: clientGroups,
    };
    clients.push(client);

    for (const family of role.families) {
      const agent = pick(random, AGENTS[family]);
      const instanceName = instanceFor(family, random);
      const thisInstance = instanceId++;
      const thisBackupset = backupsetId++;
      const names = SUBCLIENT_NAMES[family];
      const count = intBetween(random, 1, Math.min(3, names.length));
      const [minGib, maxGib] = FULL_GIB[family];
      for (let s = 0; s < count; s++) {
        const fullBytes = Math.round((minGib + random() ** 2 * (maxGib - minGib)) * GIB);
        subclients.push({
          id: subclientId++,
          name: names[s] as string,
          client,
          agent,
          instanceId: thisInstance,
          instanceName,
          backupsetId: thisBackupset,
          backupsetName:
            family === "vmware"
              ? "defaultBackupSet"
              : pick(random, ["defaultBackupSet", "defaultBackupSet", "PrimaryBackupSet"]),
          storagePolicy: family === "sql" && s > 0 ? "SP-DB-Logs" : pick(random, storagePolicies.slice(0, 4)),
          fullBytes,
          fullFiles:
            family === "file" || family === "nas"
              ? Math.round(fullBytes / (intBetween(random, 200, 900) * 1024))
              : intBetween(random, 1, 40),
          // Nightly window 19:00 to 03:00 UTC, in 15-minute steps.
          nightlyStart: 19 * 3600 + intBetween(random, 0, 32) * 900,
          fullDay: intBetween(random, 0, 6),
          synthetic: family === "file" || family === "vmware" ? random() < 0.6 : false,
          backup: backupOf(subclientId - 1),
        });
      }
    }
  }
  return {
    commServe,
    clients,
    groups,
    subclients,
    storagePolicies,
    mediaAgents,
    workflows: ["New Machine Request", "Tape Export Approval", "Quarterly Restore Test"],
  };
}
