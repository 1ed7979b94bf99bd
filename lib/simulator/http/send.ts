// Writing a reply: JSON or XML as the Accept header asks (XML when it names neither, as a CommCell does),
// after any added latency, dripping the body slowly when that fault is on.

import type { ServerResponse } from "node:http";
import type { Reply } from "./bodies";
import type { Faults } from "./faults";

export function wantsJson(accept: string | undefined): boolean {
  return accept !== undefined && /application\/json/i.test(accept);
}

function serialize(reply: Reply, json: boolean): { body: string; contentType: string } {
  if (reply.text !== undefined) return { body: reply.text, contentType: "text/plain; charset=utf-8" };
  if (json || reply.xml === undefined)
    return { body: JSON.stringify(reply.json ?? {}), contentType: "application/json; charset=utf-8" };
  return { body: reply.xml(), contentType: "application/xml; charset=utf-8" };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function send(res: ServerResponse, reply: Reply, json: boolean, faults: Faults): Promise<void> {
  const { body, contentType } = serialize(reply, json);
  if (faults.latencyMs > 0) await sleep(faults.latencyMs);
  if (res.destroyed) return;
  const bytes = Buffer.from(body, "utf8");
  res.writeHead(reply.status, {
    "content-type": contentType,
    "content-length": String(bytes.length),
    "cache-control": "no-store",
    ...reply.headers,
  });
  if (faults.dripBytesPerSecond <= 0) {
    res.end(bytes);
    return;
  }
  const chunk = Math.max(1, Math.floor(faults.dripBytesPerSecond / 10));
  for (let offset = 0; offset < bytes.length && !res.destroyed; offset += chunk) {
    res.write(bytes.subarray(offset, offset + chunk));
    await sleep(100);
  }
  res.end();
}
