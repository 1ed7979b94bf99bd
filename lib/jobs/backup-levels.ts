// The backup level vocabulary. The CommCell sends it three ways: a number in JSON (`backupLevel: 2`), an
// upper-case word in XML (`backupLevel="INCREMENTAL"`, seen misspelled `INCREMANTAL`), and a display name
// (`backupLevelName`, `localizedBackupLevelName`; database agents call incrementals "Transaction Log").

import { memoByText } from "./memo-by-text";

export const BACKUP_LEVEL_KINDS = [
  "full",
  "incremental",
  "differential",
  "synthetic_full",
  "transaction_log",
  "none",
  "unknown",
] as const;
export type BackupLevelKind = (typeof BACKUP_LEVEL_KINDS)[number];

export const BACKUP_LEVEL_LABELS = {
  full: "Full",
  incremental: "Incremental",
  differential: "Differential",
  synthetic_full: "Synthetic Full",
  transaction_log: "Transaction Log",
  none: "None",
  unknown: "Unknown",
} as const satisfies Record<BackupLevelKind, string>;

// Numeric codes: 0, 1, 2 and 64 are in captured responses; 4 (differential) is Commvault's backup-level
// enumeration and has not been seen in a capture, so a name sent beside it wins (see backupLevelOf).
const LEVEL_BY_CODE: ReadonlyMap<number, BackupLevelKind> = new Map([
  [0, "none"],
  [1, "full"],
  [2, "incremental"],
  [4, "differential"],
  [64, "synthetic_full"],
]);

const LEVEL_BY_WORD: ReadonlyMap<string, BackupLevelKind> = new Map([
  ["full", "full"],
  ["incremental", "incremental"],
  ["incremantal", "incremental"],
  ["differential", "differential"],
  ["synthetic full", "synthetic_full"],
  ["synthetic_full", "synthetic_full"],
  ["syntheticfull", "synthetic_full"],
  ["synth_full", "synthetic_full"],
  ["transaction log", "transaction_log"],
  ["transaction_log", "transaction_log"],
  ["unknown_bkp_level", "none"],
  ["none", "none"],
]);

export interface BackupLevel {
  readonly kind: BackupLevelKind;
  /** What the server called it: the display name when sent, else its code or word. */
  readonly name: string;
}

const kindOfWord = memoByText((word: string): BackupLevelKind | undefined => {
  const folded = word.trim().toLowerCase().replace(/\s+/g, " ");
  const byWord = LEVEL_BY_WORD.get(folded);
  if (byWord) return byWord;
  if (/^-?\d+$/.test(folded)) return LEVEL_BY_CODE.get(Number(folded)) ?? "unknown";
  return undefined;
});

/**
 * Reads a level from the raw code or word and the display name. The display name is preferred because it
 * carries the agent's own wording ("Transaction Log"); the code is the fallback. Returns null when the job
 * carries no level at all.
 */
export function backupLevelOf(code: unknown, displayName: string | null): BackupLevel | null {
  if (displayName) {
    const kind = kindOfWord(displayName);
    if (kind && kind !== "unknown") return { kind, name: displayName };
  }
  let codeKind: BackupLevelKind | undefined;
  let codeText: string | null = null;
  if (typeof code === "number" && Number.isFinite(code)) {
    codeKind = LEVEL_BY_CODE.get(code) ?? "unknown";
    codeText = String(code);
  } else if (typeof code === "string" && code.trim() !== "") {
    codeKind = kindOfWord(code) ?? "unknown";
    codeText = code.trim();
  }
  if (displayName) return { kind: codeKind && codeKind !== "none" ? codeKind : "unknown", name: displayName };
  if (codeKind === undefined || codeText === null) return null;
  return { kind: codeKind, name: codeKind === "unknown" ? codeText : BACKUP_LEVEL_LABELS[codeKind] };
}
