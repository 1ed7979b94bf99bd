// Reading a large answer without one long task. The browser inflates a DecompressionStream on the page's
// own thread, in the microtasks of whatever task the body's bytes arrived in: traced after a sort of
// 10,000 rows, the confirming answer's inflate was 26 ms of one 57 ms task, and the page could not answer
// a click meanwhile. Read chunk by chunk instead, giving the thread back whenever a slice has run for
// SLICE_MS, so that inflating spreads over tasks the browser can put input and frames between. The one
// step that stays whole is JSON.parse of the text.

/** How long a slice of reading may run before the thread is given back. */
export const SLICE_MS = 8;

interface Scheduler {
  yield(): Promise<void>;
}

/** Lets the browser run what waits (input, a frame) and resumes after it. */
function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  // A message is a new task without the 4 ms clamp nested timers get.
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface SliceOptions {
  readonly sliceMs?: number;
  readonly now?: () => number;
  readonly yieldNow?: () => Promise<void>;
}

/** The text of a byte stream, decoded as UTF-8, read in slices of at most `sliceMs` between yields. */
export async function readTextSliced(
  stream: ReadableStream<Uint8Array>,
  { sliceMs = SLICE_MS, now = () => performance.now(), yieldNow = yieldToBrowser }: SliceOptions = {},
): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let sliceStart = now();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(decoder.decode(value, { stream: true }));
    if (now() - sliceStart >= sliceMs) {
      await yieldNow();
      sliceStart = now();
    }
  }
  parts.push(decoder.decode());
  return parts.join("");
}
