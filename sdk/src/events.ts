// Reading a text/event-stream body: blocks separated by a blank line, `event:`, `data:` (several are joined
// with newlines), `id:` and `retry:` fields, comments (": keep-alive") skipped.

export interface ServerEvent {
  event: string;
  data: string;
  id?: string;
  retry?: number;
}

export async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event: ServerEvent = { event: 'message', data: '' };
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (!line || line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event.event = value;
          else if (field === 'data') data.push(value);
          else if (field === 'id') event.id = value;
          else if (field === 'retry' && /^\d+$/.test(value)) event.retry = Number(value);
        }
        if (!data.length) continue;
        event.data = data.join('\n');
        yield event;
      }
    }
  } finally {
    // Also when the reader stops early: the connection is closed, not left open.
    await reader.cancel().catch(() => {});
  }
}
