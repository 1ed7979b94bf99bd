// Python's `json.dumps` with its defaults (", " and ": " separators, non-ASCII escaped), which is how the
// `requests` library writes the `json=` bodies Commvault's SDK sends: the replay sends the SDK's bytes.

function pythonString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export function pythonJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return pythonString(value);
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([key, item]) => `${pythonString(key)}: ${pythonJson(item)}`,
  );
  return `{${entries.join(", ")}}`;
}
