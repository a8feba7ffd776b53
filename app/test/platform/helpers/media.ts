// ffprobe a downloaded video: the real tool, not a header sniff.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function probe(file: string): Promise<{ codec: string; width: number; height: number; duration: number; frames: number }> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-count_frames', '-show_entries', 'stream=codec_name,width,height,nb_read_frames:format=duration', '-of', 'json', file]);
  const info = JSON.parse(stdout) as { streams: { codec_name: string; width: number; height: number; nb_read_frames: string }[]; format: { duration: string } };
  const s = info.streams[0]!;
  return { codec: s.codec_name, width: s.width, height: s.height, duration: Number(info.format.duration), frames: Number(s.nb_read_frames) };
}
