// The coverage page's URL parameters, through the one parameter system: the period (`within`), the
// client group, agent, state and text filters. Each parses strictly and names itself when wrong.

import {
  type ClientCoverage,
  COVERAGE_STATES,
  type CoverageReport,
  type CoverageState,
  clientState,
  summarize,
} from "./coverage";
import { ParamError, type ParamTable, parseParams, serializeParams } from "./url-params";

/** The periods Commvault's SLA report offers that a day-to-day view needs, in seconds. */
export const COVERAGE_WINDOWS = {
  "24h": 86_400,
  "3d": 259_200,
  "7d": 604_800,
  "14d": 1_209_600,
  "30d": 2_592_000,
} as const;
export type CoverageWindow = keyof typeof COVERAGE_WINDOWS;
const WINDOW_NAMES = Object.keys(COVERAGE_WINDOWS) as CoverageWindow[];

export function isCoverageWindow(text: string): text is CoverageWindow {
  return (WINDOW_NAMES as string[]).includes(text);
}

export interface CoverageParams {
  readonly within: CoverageWindow;
  readonly clientGroup: string | null;
  readonly agent: string | null;
  readonly state: readonly CoverageState[];
  readonly q: string | null;
}

export const DEFAULT_COVERAGE_PARAMS: CoverageParams = {
  within: "24h",
  clientGroup: null,
  agent: null,
  state: [],
  q: null,
};

const text = (name: string) => ({
  parse(value: string): string | null {
    const trimmed = value.trim();
    if (trimmed.length > 200) throw new ParamError(name, `${name} is longer than 200 characters`);
    return trimmed === "" ? null : trimmed;
  },
  serialize: (value: string | null) => value ?? "",
});

export const COVERAGE_PARAMS = {
  within: {
    parse(value: string): CoverageWindow {
      if (isCoverageWindow(value)) return value;
      throw new ParamError("within", `within must be one of ${WINDOW_NAMES.join(", ")} (got "${value}")`);
    },
    serialize: (value: CoverageWindow) => value,
  },
  clientGroup: text("clientGroup"),
  agent: text("agent"),
  state: {
    parse(value: string): readonly CoverageState[] {
      const states = value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      for (const state of states)
        if (!(COVERAGE_STATES as readonly string[]).includes(state))
          throw new ParamError(
            "state",
            `state "${state}" is not a coverage state (known: ${COVERAGE_STATES.join(", ")})`,
          );
      return COVERAGE_STATES.filter((state) => states.includes(state));
    },
    serialize: (value: readonly CoverageState[]) => value.join(","),
  },
  q: text("q"),
} satisfies ParamTable<CoverageParams>;

export function parseCoverageParams(
  params: URLSearchParams,
  defaults: CoverageParams = DEFAULT_COVERAGE_PARAMS,
) {
  return parseParams<CoverageParams>(COVERAGE_PARAMS, defaults, params);
}

export function serializeCoverageParams(
  params: CoverageParams,
  defaults: CoverageParams = DEFAULT_COVERAGE_PARAMS,
) {
  return serializeParams<CoverageParams>(COVERAGE_PARAMS, defaults, params);
}

const contains = (value: string | null | undefined, wanted: string) =>
  value?.toLowerCase().includes(wanted.toLowerCase()) === true;

/**
 * The report narrowed by group, agent and text (the tiles count what is left), then by state (the list
 * only). A client whose subclients do not match the agent is left out; one that does keeps only those.
 */
export function filterCoverage(report: CoverageReport, params: CoverageParams): CoverageReport {
  const { clientGroup, agent, q, state } = params;
  const clients: ClientCoverage[] = [];
  for (const client of report.clients) {
    if (clientGroup && !client.groups.some((group) => group.toLowerCase() === clientGroup.toLowerCase()))
      continue;
    let subclients = client.subclients;
    if (agent) subclients = subclients.filter((sub) => contains(sub.agent, agent));
    if (q && !contains(client.name, q)) subclients = subclients.filter((sub) => contains(sub.name, q));
    if (subclients.length === 0) continue;
    clients.push(
      subclients === client.subclients ? client : { ...client, subclients, state: clientState(subclients) },
    );
  }
  const summary = summarize(clients);
  return {
    summary,
    clients: state.length === 0 ? clients : clients.filter((client) => state.includes(client.state)),
  };
}
