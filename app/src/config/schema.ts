// The one configuration schema. Every key is documented here; `devforge config --docs` prints them.
// Values come from (later wins): defaults, the JSON file named by DEVFORGE_CONFIG, environment variables.
import convict from 'convict';
import { parseCidrList } from '../util/networks.ts';
import { platformConfigSchema } from './platform.ts';

export const configSchema = {
  env: {
    doc: 'Which environment this is: production, development or test.',
    format: ['production', 'development', 'test'],
    default: 'development',
    env: 'NODE_ENV',
  },
  log: {
    level: {
      doc: 'Least severe log level written: debug, info, warn or error.',
      format: ['debug', 'info', 'warn', 'error'],
      default: 'info',
      env: 'DEVFORGE_LOG_LEVEL',
    },
  },
  chromium: {
    path: {
      doc: 'Path of the Chromium binary. Empty: look in the usual places (chromium-headless-shell, /usr/bin/chromium, google-chrome).',
      format: String,
      default: '',
      env: 'DEVFORGE_CHROMIUM_PATH',
    },
    extraArgs: {
      doc: 'Extra command-line flags for Chromium, space separated.',
      format: String,
      default: '',
      env: 'DEVFORGE_CHROMIUM_ARGS',
    },
    launchTimeoutMs: {
      doc: 'How long to wait for Chromium to start, in milliseconds.',
      format: 'nat',
      default: 30_000,
      env: 'DEVFORGE_CHROMIUM_LAUNCH_TIMEOUT_MS',
    },
  },
  ffmpeg: {
    path: {
      doc: 'Path or name (looked up on PATH) of the ffmpeg binary.',
      format: String,
      default: 'ffmpeg',
      env: 'DEVFORGE_FFMPEG_PATH',
    },
    ffprobePath: {
      doc: 'Path or name of the ffprobe binary (used by checks and tests).',
      format: String,
      default: 'ffprobe',
      env: 'DEVFORGE_FFPROBE_PATH',
    },
    x264Preset: {
      doc: 'libx264 preset for software encodes: faster presets trade file size for speed.',
      format: ['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium', 'slow'],
      default: 'veryfast',
      env: 'DEVFORGE_X264_PRESET',
    },
    crf: {
      doc: 'Constant rate factor for libx264 (lower is better quality; 18-23 is visually clean).',
      format: 'nat',
      default: 20,
      env: 'DEVFORGE_X264_CRF',
    },
  },
  render: {
    defaultResolution: {
      doc: 'Resolution preset used when a render names none: 720p, 1080p or 4k.',
      format: ['720p', '1080p', '4k'],
      default: '1080p',
      env: 'DEVFORGE_DEFAULT_RESOLUTION',
    },
    defaultFps: {
      doc: 'Frame rate used when a render names none: 24, 30 or 60.',
      format: [24, 30, 60],
      default: 30,
      env: 'DEVFORGE_DEFAULT_FPS',
    },
    maxDurationS: {
      doc: 'Longest animation accepted, in seconds.',
      format: 'nat',
      default: 600,
      env: 'DEVFORGE_MAX_DURATION_S',
    },
    framesInFlight: {
      doc: 'Frames uploaded from the page while the next one renders (pipelining depth).',
      format: 'nat',
      default: 3,
      env: 'DEVFORGE_FRAMES_IN_FLIGHT',
    },
    frameTransfer: {
      doc: 'How frames leave the page: yuv420p (converted on the GPU, 1.5 bytes a pixel), rgba (4 bytes a pixel, converted by ffmpeg), or auto (yuv420p where the size allows).',
      format: ['auto', 'yuv420p', 'rgba'],
      default: 'auto',
      env: 'DEVFORGE_FRAME_TRANSFER',
    },
    partialReadback: {
      doc: 'Read back only the rectangle a frame changed (RGBA transfer). Off: every drawn frame is read back whole.',
      format: Boolean,
      default: true,
      env: 'DEVFORGE_PARTIAL_READBACK',
    },
    antialias: {
      doc: 'Multisample anti-aliasing for scenes with 3D meshes (2D shapes anti-alias their own edges either way); off trades 3D edge quality for speed.',
      format: Boolean,
      default: true,
      env: 'DEVFORGE_ANTIALIAS',
    },
    splitMinS: {
      doc: 'Renders at least this many seconds long are split across the free render workers (0: never split). They are also encoded segment-aligned (constant QP, a keyframe every render.splitGopS), so their frames are the same whether they were split or not.',
      format: 'nat',
      default: 30,
      env: 'DEVFORGE_RENDER_SPLIT_MIN_S',
    },
    splitMaxSegments: {
      doc: 'Most segments one render is split into (each rendered by its own worker).',
      format: 'nat',
      default: 8,
      env: 'DEVFORGE_RENDER_SPLIT_MAX_SEGMENTS',
    },
    splitGopS: {
      doc: 'Keyframe interval of segment-aligned encodes, in seconds: segments start on these keyframes, so a segment is at least this long.',
      format: 'nat',
      default: 2,
      env: 'DEVFORGE_RENDER_SPLIT_GOP_S',
    },
    splitEncoderThreads: {
      doc: "libx264 threads of segment-aligned encodes. x264's output depends on its thread count, so every worker uses this one number (not its core count) and a split render stays identical to an unsplit one.",
      format: 'nat',
      default: 4,
      env: 'DEVFORGE_RENDER_SPLIT_ENCODER_THREADS',
    },
  },
  gpu: {
    mode: {
      doc: 'GPU use: auto (detect NVIDIA GPUs and NVENC), off (never use a GPU).',
      format: ['auto', 'off'],
      default: 'auto',
      env: 'DEVFORGE_GPU',
    },
    nvidiaSmiPath: {
      doc: 'Path or name of nvidia-smi, used to detect NVIDIA GPUs. Absent binary means no GPU.',
      format: String,
      default: 'nvidia-smi',
      env: 'DEVFORGE_NVIDIA_SMI_PATH',
    },
    probeTimeoutMs: {
      doc: 'Time limit for nvidia-smi and the one-frame NVENC probe, in milliseconds.',
      format: 'nat',
      default: 10_000,
      env: 'DEVFORGE_GPU_PROBE_TIMEOUT_MS',
    },
  },
  voice: {
    espeakPath: {
      doc: 'Path or name (looked up on PATH) of espeak-ng, the offline text-to-speech engine that speaks the narration when a scene asks for a voice (Debian package espeak-ng).',
      format: String,
      default: 'espeak-ng',
      defaultDoc: '`espeak-ng`, looked up on PATH',
      env: 'DEVFORGE_ESPEAK_PATH',
    },
  },
  analysis: {
    maxDescriptionLength: {
      doc: 'Longest description accepted, in characters. Longer text is refused with an error that says so.',
      format: 'nat',
      default: 2000,
      env: 'DEVFORGE_MAX_DESCRIPTION_LENGTH',
    },
  },
  ...platformConfigSchema,
};

// 'positive-int': a count that zero would make dangerous (server.trustProxyHops = 0 would believe every
// X-Forwarded-For entry a client sends).
convict.addFormat({
  name: 'positive-int',
  validate(value: unknown) {
    if (!Number.isInteger(value) || (value as number) < 1) throw new Error('must be a whole number, at least 1');
  },
  coerce: (value: string) => Number(value),
});

// 'audit-retention-days': the audit log keeps at least 30 days (the append-only trigger refuses to
// purge anything newer) and at most 7 years.
convict.addFormat({
  name: 'audit-retention-days',
  validate(value: unknown) {
    if (!Number.isInteger(value) || (value as number) < 30 || (value as number) > 2555) throw new Error('must be a whole number of days between 30 and 2555 (7 years)');
  },
  coerce: (value: string) => Number(value),
});

// 'cidr-list': comma-separated network ranges (webhooks.allowNetworks, webhooks.deniedNetworks), checked
// at start-up so a typo is a configuration error, not a policy that silently allows everything.
convict.addFormat({
  name: 'cidr-list',
  validate(value: unknown) {
    if (typeof value !== 'string') throw new Error('must be a comma-separated list of CIDR ranges');
    parseCidrList(value);
  },
});

export function createConfig(env: NodeJS.ProcessEnv = process.env) {
  // args: [] keeps convict away from process.argv; the CLI parses its own flags.
  return convict(configSchema, { env, args: [] });
}

export type DevforgeConfig = ReturnType<ReturnType<typeof createConfig>['getProperties']>;
