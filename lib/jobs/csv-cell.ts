// One CSV cell, for every export. Every text is quoted, not only text with a comma in it: a spreadsheet in
// a semicolon locale splits an unquoted `srv;=1+1` at the semicolon and runs `=1+1`. A text starting with
// = + - @ (or a tab or carriage return) is prefixed with ' so it is never read as a formula. Numbers stay bare.

export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}
