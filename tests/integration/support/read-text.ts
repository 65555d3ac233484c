/** The whole text of a streamed export (a CSV download, a backup), as the browser would save it. */
export async function readText(
  stream: ReadableStream<Uint8Array> | Promise<ReadableStream<Uint8Array>>,
): Promise<string> {
  return new Response(await stream).text();
}
