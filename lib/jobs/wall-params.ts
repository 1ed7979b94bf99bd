// The wall display's URL: the job filters of /jobs plus how the screen is laid out and how often it moves.
// Everything a TV needs is in its address, so a screen is set up by typing one URL; every value is parsed
// strictly, and a bad one is named on the screen while the rest still works.

import type { JobFilters } from "./filters";
import { parseSummaryFilters } from "./summary-filters";
import { ParamError, type ParamProblem, type ParamTable, parseParams, wholeNumberParam } from "./url-params";
import { VIEW_PARAMS } from "./view-params";

export const WALL_PANELS = ["tiles", "failures", "active", "waiting", "savings", "coverage"] as const;
export type WallPanel = (typeof WALL_PANELS)[number];

export const WALL_PANEL_LABELS = {
  tiles: "Now",
  failures: "Failures",
  active: "Active jobs",
  waiting: "Why jobs wait",
  savings: "Deduplication savings",
  coverage: "Not protected",
} as const satisfies Record<WallPanel, string>;

export interface WallParams {
  /** Panels in the order given; the state tiles stay on screen while the others rotate. */
  readonly panels: readonly WallPanel[];
  /** Seconds between rotating views; null shows every panel at once. */
  readonly rotate: number | null;
  /** Seconds between refreshes; the server's floor still applies. */
  readonly refresh: number;
  /** "browser", "UTC" or an IANA zone. */
  readonly tz: string;
  /** A heading for the screen ("Backups · London"); null for the default. */
  readonly title: string | null;
  /** Hours between the page's own reloads, which cap what a browser left running for weeks holds. */
  readonly reload: number;
}

export const DEFAULT_WALL: WallParams = {
  // Coverage is chosen by URL (panels=...,coverage): it asks the CommCell for its subclient inventory too.
  panels: ["tiles", "failures", "active", "waiting", "savings"],
  rotate: null,
  refresh: 30,
  tz: "browser",
  title: null,
  reload: 6,
};

const ROTATE_MIN = 5;
const ROTATE_MAX = 3600;
const TITLE_MAX = 80;

export const WALL_PARAMS = {
  panels: {
    parse(text: string): readonly WallPanel[] {
      const wanted = text
        .split(",")
        .map((id) => id.trim())
        .filter((id) => id !== "");
      for (const id of wanted) {
        if (!(WALL_PANELS as readonly string[]).includes(id))
          throw new ParamError("panels", `panels "${id}" is not a panel (known: ${WALL_PANELS.join(", ")})`);
      }
      if (wanted.length === 0) throw new ParamError("panels", "panels must name at least one panel");
      return [...new Set(wanted)] as WallPanel[];
    },
    serialize: (value: readonly WallPanel[]) => value.join(","),
  },
  rotate: {
    parse(text: string): number | null {
      const value = text.trim();
      if (value === "" || value === "0" || value === "off") return null;
      try {
        return wholeNumberParam("rotate", value, ROTATE_MIN, ROTATE_MAX, "seconds");
      } catch {
        throw new ParamError(
          "rotate",
          `rotate must be whole seconds from ${ROTATE_MIN} to ${ROTATE_MAX}, or off (got "${text}")`,
        );
      }
    },
    serialize: (value: number | null) => (value === null ? "off" : String(value)),
  },
  refresh: {
    parse: (text: string) => rethrow("refresh", () => VIEW_PARAMS.refresh.parse(text)),
    serialize: String,
  },
  tz: {
    parse: (text: string) => rethrow("tz", () => VIEW_PARAMS.tz.parse(text)),
    serialize: (value: string) => value,
  },
  title: {
    parse(text: string): string | null {
      // Control characters would only draw as boxes on a TV; the rest is shown as text, never markup.
      const value = text.replace(/\p{Cc}/gu, " ").trim();
      if (value.length > TITLE_MAX)
        throw new ParamError("title", `title is longer than ${TITLE_MAX} characters`);
      return value === "" ? null : value;
    },
    serialize: (value: string | null) => value ?? "",
  },
  reload: {
    parse(text: string): number {
      const value = text.trim();
      return wholeNumberParam("reload", value, 1, 168, "hours");
    },
    serialize: String,
  },
} satisfies ParamTable<WallParams>;

function rethrow<T>(param: keyof WallParams, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ParamError) throw new ParamError(param, error.message);
    throw error;
  }
}

export interface ParsedWall {
  /** The jobs the screen covers: the /jobs filters, over active and finished jobs alike. */
  readonly filters: JobFilters;
  readonly wall: WallParams;
  readonly problems: readonly ParamProblem[];
}

export function parseWall(params: URLSearchParams): ParsedWall {
  const { filters, problems } = parseSummaryFilters(params);
  const { values: wall, problems: wallProblems } = parseParams<WallParams>(WALL_PARAMS, DEFAULT_WALL, params);
  return { filters, wall, problems: [...problems, ...wallProblems] };
}
