// Reading Server-Sent Events as a client other than a browser does (the e2e spec of /api/stream, the server
// bench's stream viewers): each event's name and parsed data, as they arrive, until `until` (epoch ms) or
// the stream's end.

export interface StreamEvent {
  readonly event: string;
  readonly data: unknown;
}

export async function forEachEvent(
  response: Response,
  until: number,
  onEvent: (event: StreamEvent) => void | Promise<void>,
): Promise<void> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (Date.now() < until) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(0, until - Date.now()))),
      ]);
      if (chunk === null || chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
      let end = text.indexOf("\n\n");
      while (end >= 0) {
        const block = text.slice(0, end);
        text = text.slice(end + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (name && data) await onEvent({ event: name, data: JSON.parse(data) });
        end = text.indexOf("\n\n");
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
