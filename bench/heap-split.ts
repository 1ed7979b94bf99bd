// What a page's JS heap holds, split the way a soak needs it: the objects the page's code keeps, and the
// code V8 compiled for it (bytecode, machine code and their metadata), which grows for a long while as the
// engine compiles functions run once a second to higher tiers, leak or no leak. From one heap snapshot
// over the DevTools protocol; Blink's own objects, which a snapshot also lists, are left out as the
// JSHeapUsedSize metric leaves them out.

import type { CDPSession } from "@playwright/test";

export interface HeapSplit {
  readonly objectsMb: number;
  readonly codeMb: number;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
}

export function splitOf(snapshot: Snapshot): HeapSplit {
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf("type");
  const sizeAt = fields.indexOf("self_size");
  let objects = 0;
  let code = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt] as number];
    const size = snapshot.nodes[i + sizeAt] as number;
    if (type === "code") code += size;
    else if (type !== "native" && type !== "synthetic") objects += size;
  }
  return { objectsMb: objects / 1024 / 1024, codeMb: code / 1024 / 1024 };
}

export async function heapSplit(cdp: CDPSession): Promise<HeapSplit> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on("HeapProfiler.addHeapSnapshotChunk", onChunk);
  try {
    await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  } finally {
    cdp.off("HeapProfiler.addHeapSnapshotChunk", onChunk);
  }
  return splitOf(JSON.parse(chunks.join("")) as Snapshot);
}
