import { describe, expect, it } from "vitest";
import { readTextSliced } from "./sliced-read";

/** A stream of these byte chunks, as the network hands a body over. */
function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

/** `bytes` cut every `size` bytes, so multi-byte characters fall across chunk boundaries. */
function cut(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

describe("readTextSliced", () => {
  const text = JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ id: i, client: `fs-lön-${i}-€` })));
  const bytes = new TextEncoder().encode(text);

  it("decodes UTF-8 whose characters are split across chunks", async () => {
    expect(await readTextSliced(streamOf(cut(bytes, 7)), { yieldNow: async () => {} })).toBe(text);
  });

  it("gives the thread back each time a slice has run its time, and only then", async () => {
    // A clock that moves 3 ms per reading of it: with 8 ms slices, a yield every third chunk or so.
    let clock = 0;
    let yields = 0;
    const chunks = cut(bytes, 100);
    const read = await readTextSliced(streamOf(chunks), {
      sliceMs: 8,
      now: () => (clock += 3),
      yieldNow: async () => {
        yields++;
      },
    });
    expect(read).toBe(text);
    // Each chunk reads the clock once (3 ms); a slice starts after a yield (one more reading): 8 ms
    // are reached on the third chunk of a slice, so one yield per three chunks.
    expect(yields).toBe(Math.floor(chunks.length / 3));
    let frozen = 0;
    await readTextSliced(streamOf(chunks), {
      now: () => 0,
      yieldNow: async () => {
        frozen++;
      },
    });
    expect(frozen).toBe(0);
  });

  it("yields to other tasks for real: a message posted before the read is handled before it ends", async () => {
    let handled = false;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      handled = true;
      channel.port1.close();
    };
    let clock = 0;
    const reading = readTextSliced(streamOf(cut(bytes, 50)), { sliceMs: 1, now: () => clock++ });
    channel.port2.postMessage(null);
    expect(await reading).toBe(text);
    expect(handled).toBe(true);
  });

  it("fails as the stream does, so a broken body is not read as a shorter one", async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 10));
        controller.error(new Error("incorrect header check"));
      },
    });
    await expect(readTextSliced(broken)).rejects.toThrow("incorrect header check");
  });
});
