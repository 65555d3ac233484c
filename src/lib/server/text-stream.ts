import "server-only";

/** Thrown into a producer whose reader went away, so it stops (and its transaction rolls back). */
export class StreamCancelled extends Error {
  constructor() {
    super("the reader cancelled the stream");
  }
}

/**
 * A UTF-8 byte stream written by `produce`, one chunk at a time and only as fast as it is read:
 * each `write` waits until the reader asks for the next chunk, so a slow download holds one page in
 * memory, not the file ("exports stream", CONVENTIONS.md). Nothing runs until the first read, so a
 * stream that is never read opens no query or transaction. A producer that fails errors the stream
 * (the download breaks off rather than ending as if complete); one whose reader cancels gets
 * StreamCancelled from `write`.
 */
export function pushStream(
  produce: (write: (text: string) => Promise<void>) => Promise<void>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let request: (() => void) | null = null; // the pending read, fulfilled by the next write
  let wake: (() => void) | null = null; // a write waiting for a read
  let started = false;
  let cancelled = false;
  const settle = () => {
    const r = request;
    request = null;
    r?.();
  };
  const write = async (text: string) => {
    if (!request && !cancelled) await new Promise<void>((resolve) => (wake = resolve));
    if (cancelled) throw new StreamCancelled();
    controller.enqueue(encoder.encode(text));
    settle();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      pull() {
        return new Promise<void>((resolve) => {
          request = resolve;
          if (!started) {
            started = true;
            produce(write).then(
              () => {
                if (!cancelled) controller.close();
                settle();
              },
              (err: unknown) => {
                if (!cancelled) {
                  console.error("[stream] the export failed part-way:", err);
                  controller.error(err);
                }
                settle();
              },
            );
          }
          const w = wake;
          wake = null;
          w?.();
        });
      },
      cancel() {
        cancelled = true;
        const w = wake;
        wake = null;
        w?.();
      },
    },
    { highWaterMark: 0 },
  );
}
