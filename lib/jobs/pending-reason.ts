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
const SOURCE = /^(.*?)\s*Source:\s*(.*?)\s*(?:,\s*Process:\s*(.*?))?\s*$/is;

export function splitPendingReason(text: string): PendingReasonPart[] {
  const reasons: PendingReasonPart[] = [];
  for (const rawPart of text.split(SEPARATOR)) {
    const part = rawPart.trim();
    if (part === "") continue;
    const match = SOURCE.exec(part);
    if (!match) {
      reasons.push({ message: part, source: null, process: null });
      continue;
    }
    const message = (match[1] ?? "").trim();
    const source = (match[2] ?? "").trim() || null;
    const process = (match[3] ?? "").trim() || null;
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
