// Raw records as the CommCell's XML: every scalar an attribute string, nested records as child elements,
// lists as repeated elements. Numbers keep the six decimals the seed shows for percentages.

import type { RawRecord, RawValue } from "./job-summary";

const SIX_DECIMALS = new Set(["percentComplete", "percentSavings"]);

export function escapeAttribute(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll('"', "&quot;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;");
}

function scalar(key: string, value: RawValue): string {
  if (typeof value === "number" && SIX_DECIMALS.has(key)) return value.toFixed(6);
  return escapeAttribute(String(value));
}

/** `<name a="1" ...>children</name>`: scalars become attributes, records and lists child elements. */
export function xmlElement(name: string, record: RawRecord): string {
  let attributes = "";
  let children = "";
  for (const [key, value] of Object.entries(record)) {
    if (Array.isArray(value)) {
      for (const item of value) children += xmlElement(key, item);
    } else if (typeof value === "object") {
      children += xmlElement(key, value);
    } else {
      attributes += ` ${key}="${scalar(key, value)}"`;
    }
  }
  return children === "" ? `<${name}${attributes}/>` : `<${name}${attributes}>${children}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no" ?>';
