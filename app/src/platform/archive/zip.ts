// Packs archive entries (text, or streams opened one at a time) into a zip, streamed to the caller with
// yazl: nothing is staged on disk and memory stays bounded whatever the sizes.
//
// Each file is opened only when the archive reaches it; a failure then ends the download with an error
// (the client sees a broken transfer, the log says why). Callers check that storage answers before
// they start, so an outage is a clear error rather than half a zip.
import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';

export interface ArchiveEntry {
  /** Path inside the archive, `/`-separated, relative. */
  path: string;
  content: string | (() => Promise<Readable>);
}

/** Formats that are compressed already: deflating a video costs CPU and saves nothing. */
const STORED = /\.(mp4|png|jpe?g|webm|zip|gz)$/i;

/** An entry could not be read (its stream failed: storage down, for one). */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

/** Owner-only: whoever unpacks the export gets files only they can read. */
const FILE_MODE = 0o100600;

/** The zip of `entries`, in their order. */
export function zipEntries(entries: AsyncIterable<ArchiveEntry>): Readable {
  const zip = new ZipFile();
  const out = zip.outputStream as Readable;
  const open = new Set<Readable>();
  let abandoned = false;
  const fail = (path: string, err: unknown) => out.destroy(new ArchiveError(`reading ${path} failed`, { cause: err }));
  zip.on('error', (err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  // The client went away before the end: stop reading, and let go of the stream being read.
  out.on('close', () => {
    if (out.readableEnded) return;
    abandoned = true;
    for (const stream of open) stream.destroy();
  });
  const options = (path: string) => ({ compress: !STORED.test(path), mode: FILE_MODE });
  // yazl pipes the stream but does not listen for its errors: a store failing mid-file ends the download.
  const track = (path: string, stream: Readable) => {
    stream.once('error', (err) => fail(path, err));
    open.add(stream);
    stream.once('close', () => open.delete(stream));
    return stream;
  };

  // Entries are added as the rows come; each file is opened when the archive reaches it.
  void (async () => {
    let path = 'the first entry';
    try {
      for await (const entry of entries) {
        if (abandoned) return;
        path = entry.path;
        const { content } = entry;
        const entryPath = path;
        if (typeof content === 'string') zip.addBuffer(Buffer.from(content), entryPath, options(entryPath));
        else {
          zip.addReadStreamLazy(entryPath, options(entryPath), (cb) => {
            if (abandoned) return;
            content().then(
              (stream) => cb(null, track(entryPath, stream)),
              (err: unknown) => fail(entryPath, err),
            );
          });
        }
      }
      zip.end();
    } catch (err) {
      fail(`the entry after ${path}`, err);
    }
  })();
  return out;
}
