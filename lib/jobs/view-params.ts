// Page parameters besides the filters: how the view is shown rather than what it shows. Like the filters,
// each parses strictly and names itself when wrong.

import { isTimeZone } from "./format";
import { ParamError, type ParamTable, wholeNumberParam } from "./url-params";

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** Table columns a viewer can hide; the order is the table's. */
export const COLUMN_IDS = [
  "id",
  "status",
  "type",
  "client",
  "agent",
  "phase",
  "progress",
  "start",
  "elapsed",
  "appSize",
  "mediaSize",
  "savings",
  "files",
  "reason",
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** Each column's header, here rather than beside its cell renderer so the column picker needs no renderers. */
export const COLUMN_LABELS = {
  id: "Job",
  status: "Status",
  type: "Type / level",
  client: "Client",
  agent: "Agent / backup set / subclient",
  phase: "Phase",
  progress: "Progress",
  start: "Start",
  elapsed: "Elapsed",
  appSize: "App size",
  mediaSize: "Media",
  savings: "Savings",
  files: "Files (failed)",
  reason: "Pending reason",
} as const satisfies Record<ColumnId, string>;

export interface ViewParams {
  /** Visible columns, in the table's order. */
  readonly columns: readonly ColumnId[];
  /** "browser", "UTC" or an IANA zone. */
  readonly tz: string;
  /** Seconds between refreshes; the server's floor still applies. */
  readonly refresh: number;
  readonly theme: Theme;
}

/**
 * The columns shown when the URL names none: what a person triaging jobs reads first, chosen to fit a
 * 1440-pixel-wide window without scrolling sideways. Sizes, savings, phase and files are one click away.
 */
export const DEFAULT_COLUMNS: readonly ColumnId[] = [
  "id",
  "status",
  "type",
  "client",
  "agent",
  "progress",
  "start",
  "elapsed",
  "reason",
];

export const DEFAULT_VIEW: ViewParams = {
  columns: DEFAULT_COLUMNS,
  tz: "browser",
  refresh: 15,
  theme: "system",
};

export const VIEW_PARAMS = {
  columns: {
    parse(text: string): readonly ColumnId[] {
      const wanted = new Set(
        text
          .split(",")
          .map((id) => id.trim())
          .filter((id) => id !== ""),
      );
      for (const id of wanted) {
        if (!(COLUMN_IDS as readonly string[]).includes(id)) {
          throw new ParamError(
            "columns",
            `columns "${id}" is not a column (known: ${COLUMN_IDS.join(", ")})`,
          );
        }
      }
      // The job id stays: it is the link to the job and the row's name for screen readers.
      return COLUMN_IDS.filter((id) => id === "id" || wanted.has(id));
    },
    serialize: (value: readonly ColumnId[]) => value.join(","),
  },
  tz: {
    parse(text: string): string {
      const value = text.trim();
      if (value === "browser" || value === "UTC" || isTimeZone(value)) return value;
      throw new ParamError(
        "tz",
        `tz must be browser, UTC or an IANA time zone such as Europe/London (got "${text}")`,
      );
    },
    serialize: (value: string) => value,
  },
  refresh: {
    parse(text: string): number {
      return wholeNumberParam("refresh", text, 1, 3600, "seconds");
    },
    serialize: String,
  },
  theme: {
    parse(text: string): Theme {
      if (!(THEMES as readonly string[]).includes(text))
        throw new ParamError("theme", `theme must be ${THEMES.join(", ")} (got "${text}")`);
      return text as Theme;
    },
    serialize: (value: Theme) => value,
  },
} satisfies ParamTable<ViewParams>;

/** The time zone to format in: undefined means the browser's own. */
export function timeZoneOf(tz: string): string | undefined {
  return tz === "browser" ? undefined : tz;
}

export { ParamError };
