// Pending reasons are free text from the job controller: several reasons joined by `<br>` and line breaks,
// each usually followed by "Source: <client>, Process: <process>". The text is kept as text; nothing here
// (or downstream) ever treats it as markup.

export interface PendingReasonPart {
  readonly message: string;
  readonly source: string | null;
  readonly process: string | null;
}

export interface PendingReason {
  /** The server's text, unchanged. */
  readonly text: string;
  /** `pendingReasonErrorCode`, such as "19:857". */
  readonly errorCode: string | null;
  readonly reasons: readonly PendingReasonPart[];
}

// `<br>`, `<br/>`, `<BR />`, their escaped forms, and every kind of line break.
const SEPARATOR = /<br\s*\/?>|&lt;br\s*\/?&gt;|\r\n|\r|\n/i;
// Found with indexOf, not one regex: a lazy group before `\s*` backtracks over every run of spaces, which
// made a reason padded with a megabyte of spaces take minutes. Each step here reads the text once.
const PROCESS = /,\s*process:/i;
// Searched in the text itself, not in a lower-cased copy: a copy costs the text's size again, and its
// offsets are not the text's when a character lower-cases to two ("İ" becomes "i̇").
const SOURCE = /source:/i;

/** "message Source: client, Process: process" split into its parts, or null without a "Source:". */
function sourceOf(part: string): { message: string; source: string; process: string } | null {
  const found = SOURCE.exec(part);
  if (!found) return null;
  const at = found.index;
  const after = part.slice(at + found[0].length);
  const process = PROCESS.exec(after);
  return {
    message: part.slice(0, at),
    source: process ? after.slice(0, process.index) : after,
    process: process ? after.slice(process.index + process[0].length) : "",
  };
}

export function splitPendingReason(text: string): PendingReasonPart[] {
  const reasons: PendingReasonPart[] = [];
  for (const rawPart of text.split(SEPARATOR)) {
    const part = rawPart.trim();
    if (part === "") continue;
    const match = sourceOf(part);
    if (!match) {
      reasons.push({ message: part, source: null, process: null });
      continue;
    }
    const message = match.message.trim();
    const source = match.source.trim() || null;
    const process = match.process.trim() || null;
    const previous = reasons.at(-1);
    // "Source: ..., Process: ..." on its own line belongs to the message before it.
    if (message === "" && previous && previous.source === null && previous.process === null) {
      reasons[reasons.length - 1] = { message: previous.message, source, process };
    } else {
      reasons.push({ message, source, process });
    }
  }
  return reasons;
}

export function parsePendingReason(text: string | null, errorCode: string | null): PendingReason | null {
  if (text === null || text.trim() === "") return null;
  return { text, errorCode, reasons: splitPendingReason(text) };
}
