// The help text of every command and subcommand, in one place: `devforge --help`, `devforge <command>
// --help`, `devforge help <command>` and the hint after a usage error all read it. Kept apart from the
// commands so that help never loads Chromium's driver, the analyser or the server.

export interface CommandHelp {
  /** One line for the overview. */
  summary: string;
  /** The full text `devforge <command> --help` prints. */
  usage: string;
  /** Commands made of actions (`apikey create`): each action's own help. */
  subcommands?: Record<string, string>;
}

const SCENE_OPTIONS = `  -r, --resolution R     720p, 1080p or 4k (default: render.defaultResolution): the frame's short side
      --aspect A         the frame's shape: 16:9 (the default), 9:16, 1:1 or 4:3 (720p at 9:16 is 720×1280)
      --fps N            24, 30 or 60 (default: render.defaultFps)
  -d, --duration S       length in seconds (default: what the template needs; at most render.maxDurationS)
      --style S          visual style (an unknown one is answered with the list)
      --template T       use this template instead of the one the analysis picks
      --captions M       burn_in (narration in the frame, the default), sidecar (the .vtt only) or both
      --fallback title-card
                         draw a description that was not understood as a title card of its words (said in a
                         warning) instead of refusing it with exit code 1`;

const VOICE_OPTION = `      --voice V          speak the narration with voice V (a name from devforge voices, e.g. en-us): AAC in
                         the MP4, played along in the preview; off (the default) for no sound`;

const APPLIANCE = `It acts on the appliance the server uses, found from the same configuration (DEVFORGE_CONFIG,
DEVFORGE_DATA_DIR, DEVFORGE_DATABASE_URL), while the server runs or not; it refuses when none exists there.`;

const APIKEY_CREATE = `usage: devforge apikey create --name N [--role admin|editor|viewer] [--scopes S,S] [--user EMAIL] [--expires-days D] [--sandbox] [--json]

Prints a new API key on stdout; it is shown only this once.

options:
      --name N           what the key is for, e.g. "CI pipeline" (required)
      --role R           admin, editor or viewer (default: editor; at most the owner's role)
      --user EMAIL       the account that owns the key (default: auth.adminEmail)
      --scopes S,S       what the key may be used for: animations:read, animations:write, admin
                         (default: everything its role allows)
      --expires-days D   the key stops working after D days (default and maximum: apiKeys.maxLifetimeDays,
                         90, or apiKeys.adminMaxLifetimeDays, 365, for keys made by administrators)
      --sandbox          a sandbox key, for trying the API out: its renders are watermarked SANDBOX,
                         at most 720p and 15 s, and count against no quota (animations or API calls)
      --json             print {id, name, role, user, sandbox, key} as JSON
  -h, --help             show this help

${APPLIANCE}`;

const APIKEY_LIST = `usage: devforge apikey list [--user EMAIL]

Lists API keys, one per line: id, prefix, role, name, active or revoked, sandbox or standard, last use.

options:
      --user EMAIL       only this account's keys (default: every account's)
  -h, --help             show this help

${APPLIANCE}`;

const APIKEY_REVOKE = `usage: devforge apikey revoke <id>

Revokes a key at once on every API process.

options:
  -h, --help             show this help

${APPLIANCE}`;

const RESET_PASSWORD = `usage: devforge admin reset-password [--email EMAIL] [--password-stdin]

Sets a new password for an account and ends its sessions. The new password is generated and printed
once on stdout, or read from standard input with --password-stdin (e.g. from a secret store).

options:
      --email EMAIL      the account (default: auth.adminEmail, admin@local unless changed)
      --password-stdin   read the new password from standard input instead of generating one
  -h, --help             show this help

${APPLIANCE}`;

const LICENSE_INSTALL = `usage: devforge license install FILE

Verifies the license file (signature, key id, this install, sequence) and installs it; every API and worker
process applies it at once, without a restart. Exits 1 saying why a file was refused.

${APPLIANCE}`;

const LICENSE_STATUS = `usage: devforge license status [--json]

Prints the license's state (none, valid, expiring, grace, expired, invalid), the customer, tier, dates, every
entitlement, this month's use against each limit, and this install's id (what a vendor binds a license to).

options:
      --json   the same as GET /api/v1/license answers
  -h, --help   show this help

${APPLIANCE}`;

const LICENSE_REQUEST = `usage: devforge license request [--out FILE]

Writes a renewal request for the vendor, offline: this install's id, the license in force, this month's
use, signed with this install's key and chained to the previous request. Send it to the vendor and install
the license they send back with devforge license install.

options:
      --out FILE   where to write it (default: stdout)
  -h, --help       show this help

${APPLIANCE}`;

const AUDIT_VERIFY = `usage: devforge audit verify [--json]

Walks the audit log's hash chain from its oldest entry and recomputes every hash. Exits 0 and prints
the number of entries checked and the newest entry's hash: keep that somewhere the database's
administrators cannot change; while an entry with that hash is still in a chain that verifies, nothing
up to it was rewritten. Exits 1 naming the first entry that was changed, removed or inserted after it
was written.

options:
      --json             print the result as one JSON object
  -h, --help             show this help

${APPLIANCE}`;

const SSO_SET_SECRET = `usage: devforge sso set-client-secret [--from-file FILE]

Stores the OIDC client secret in the database, sealed with the master key, for the server to use at its
next start when the configuration gives none (auth.oidc.clientSecret, DEVFORGE_OIDC_CLIENT_SECRET or
auth.oidc.clientSecretFile win when set). The secret is read from stdin, or from FILE: never give it on
the command line, which \`ps\` shows to every user. Prints nothing secret.

options:
  --from-file FILE       read the secret from FILE instead of stdin
  -h, --help             show this help

${APPLIANCE}`;

const SSO_CLEAR_SECRET = `usage: devforge sso clear-client-secret

Removes the stored OIDC client secret; from the next start the server uses the configured one, if any.

options:
  -h, --help             show this help

${APPLIANCE}`;

const ROTATE_MASTER_KEY = `usage: devforge secrets rotate-master-key

Makes a new master key, seals every stored secret (webhook signing secrets, the stored OIDC client secret) with it in one transaction,
and leaves only the new key in the master key file (secrets.masterKeyFile, default <data.dir>/master.key).
Stop every DevForge process first: it refuses while a server uses the database. Back the new file up
with the database afterwards. A crash part-way leaves a file holding both keys, from which the server
starts; run the command again to finish.

options:
  -h, --help             show this help

${APPLIANCE}`;

export const HELP: Record<string, CommandHelp> = {
  render: {
    summary: 'render a description or a scene spec to MP4',
    usage: `usage: devforge render "<description>" -o out.mp4 [options]
       devforge render --scene spec.json -o out.mp4 [options]

Writes the MP4 (H.264), a poster (.png) and captions (.vtt) beside it, and prints a JSON summary on
stdout. Progress goes to stderr: an updating bar on a terminal, a line every 10 % in a log.

options:
  -o, --output FILE      the .mp4 to write (required)
      --scene FILE       render this scene spec (JSON, any published spec version, e.g. from devforge scene --json) instead
${SCENE_OPTIONS}
${VOICE_OPTION}
      --watermark TEXT   text over every frame
      --logo FILE        a .png, .jpg or .svg logo
      --brand-name NAME  product name beside the logo
      --brand-color HEX  primary colour, e.g. #2563eb
  -q, --quiet            no progress on stderr
  -h, --help             show this help`,
  },
  analyze: {
    summary: 'print what DevForge understood from a description, as JSON',
    usage: `usage: devforge analyze --json "<description>"
       devforge analyze --jsonl < descriptions.txt

Prints the analysis: the template, its params and the facts computed from them. With --jsonl, reads one
description per line from standard input and prints one JSON object per line ({"error": …} for a bad one).

options:
      --json             print as JSON (the default)
      --jsonl            one description per line in, one JSON object per line out
      --style S          visual style
      --template T       use this template instead of the one the analysis picks
      --fallback title-card
                         a description not understood is analysed as a title card of its words (exit 0)
  -h, --help             show this help`,
  },
  scene: {
    summary: 'print the scene spec composed for a description',
    usage: `usage: devforge scene --json "<description>" [options]

Prints the composed scene spec (JSON); devforge render --scene renders it.

options:
      --json             print as JSON (the default)
${SCENE_OPTIONS}
${VOICE_OPTION}
  -h, --help             show this help`,
  },
  preview: {
    summary: 'serve the realtime player for a description on localhost',
    usage: `usage: devforge preview "<description>" [--port N] [--host H] [options]

Serves the realtime player until Ctrl+C, and prints its URL as JSON on stdout.

options:
  -p, --port N           TCP port (default: 8090; 0: any free port)
      --host H           address to listen on (default: 127.0.0.1)
${SCENE_OPTIONS}
${VOICE_OPTION}
  -h, --help             show this help`,
  },
  gpus: {
    summary: 'print the GPUs and the video encoder found, as JSON',
    usage: `usage: devforge gpus

Asks nvidia-smi for the GPUs, probes NVENC with a one-frame encode, and prints the report as JSON.

options:
  -h, --help             show this help`,
  },
  voices: {
    summary: 'list the voices the voice-over can speak with (espeak-ng)',
    usage: `usage: devforge voices [--json]

Lists the voices espeak-ng has on this machine, one per line: the name to give --voice (or "voice" in the API),
then espeak-ng's description. espeak-ng comes from the Debian package espeak-ng (voice.espeakPath).

options:
      --json             print [{name, description, gender}] as JSON
  -h, --help             show this help`,
  },
  config: {
    summary: 'print the effective configuration, or document every key',
    usage: `usage: devforge config [--docs [--markdown]]

Without options: validates the configuration (defaults, DEVFORGE_CONFIG file, environment) and prints it
as JSON, secrets redacted. With --docs: every key with its meaning, default and environment variable.
With --docs --markdown: the same as the Markdown reference checked in as docs/configuration.md.

options:
      --docs             list every configuration key
      --markdown         with --docs: print Markdown (docs/configuration.md)
  -h, --help             show this help`,
  },
  serve: {
    summary: 'run the appliance (npm start)',
    usage: `usage: devforge serve [--role all|api|worker] [--port N] [--host H]

Runs the appliance until SIGTERM or Ctrl+C (a second one stops at once). The defaults are embedded mode:
an embedded Postgres and local storage under data.dir, the API and a render worker in one process, on
http://127.0.0.1:8080.

options:
      --role R           all (default), api (HTTP only) or worker (render queues; health and metrics only)
      --port N           TCP port (default: server.port, 8080)
      --host H           address to listen on (default: server.host; empty: 127.0.0.1 for role all,
                         0.0.0.0 for api and worker)
  -h, --help             show this help

Behind a reverse proxy, set server.trustProxy (DEVFORGE_TRUST_PROXY=true) so that client addresses,
https and the public host name come from its X-Forwarded-* headers.`,
  },
  apikey: {
    summary: 'create, list or revoke API keys (works while the server runs)',
    usage: `usage: devforge apikey create --name N [--role R] [--scopes S,S] [--user EMAIL] [--expires-days D] [--sandbox] [--json]
       devforge apikey list [--user EMAIL]
       devforge apikey revoke <id>

Run devforge apikey <action> --help for each action's options.

${APPLIANCE}`,
    subcommands: { create: APIKEY_CREATE, list: APIKEY_LIST, revoke: APIKEY_REVOKE },
  },
  admin: {
    summary: 'administer accounts: reset a password',
    usage: `usage: devforge admin reset-password [--email EMAIL] [--password-stdin]

Run devforge admin reset-password --help for its options.

${APPLIANCE}`,
    subcommands: { 'reset-password': RESET_PASSWORD },
  },
  audit: {
    summary: 'check the audit log: verify its hash chain',
    usage: `usage: devforge audit verify [--json]

Run devforge audit verify --help for its options.

${APPLIANCE}`,
    subcommands: { verify: AUDIT_VERIFY },
  },
  secrets: {
    summary: 'rotate the master key that seals stored secrets',
    usage: `usage: devforge secrets rotate-master-key

Run devforge secrets rotate-master-key --help for its options.

${APPLIANCE}`,
    subcommands: { 'rotate-master-key': ROTATE_MASTER_KEY },
  },
  sso: {
    summary: 'store the OIDC client secret sealed in the database, or remove it',
    usage: `usage: devforge sso set-client-secret [--from-file FILE]   (the secret on stdin)
       devforge sso clear-client-secret

Run devforge sso <action> --help for its options.

${APPLIANCE}`,
    subcommands: { 'set-client-secret': SSO_SET_SECRET, 'clear-client-secret': SSO_CLEAR_SECRET },
  },
  license: {
    summary: 'the license: install a file, show its state and use, write a renewal request',
    usage: `usage: devforge license install FILE
       devforge license status [--json]
       devforge license request [--out FILE]

Run devforge license <action> --help for each action's options.

${APPLIANCE}`,
    subcommands: { install: LICENSE_INSTALL, status: LICENSE_STATUS, request: LICENSE_REQUEST },
  },
  migrate: {
    summary: 'bring the database (database.url) up to this version and exit',
    usage: `usage: devforge migrate

Applies the migrations this version has and the database at database.url (DEVFORGE_DATABASE_URL) lacks,
then exits: 0 when the schema is up to date. Safe to run while servers run and to run twice (migrations
take an advisory lock; each runs in its own transaction). Every server role migrates at start too; the
Compose stack runs this as its one-shot migrate job before the API and workers start.

options:
  -h, --help             show this help`,
  },
};

// `analyse` is the same command as `analyze`.
HELP.analyse = HELP.analyze!;

export function overview(): string {
  const names = Object.keys(HELP).filter((n) => n !== 'analyse');
  const width = Math.max(...names.map((n) => n.length));
  return `usage: devforge <command> [options]

commands:
${names.map((n) => `  ${n.padEnd(width)}  ${HELP[n]!.summary}`).join('\n')}

Run devforge <command> --help for a command's options. devforge --version prints the version.`;
}

/** The help for `devforge <command> [action]`, or undefined for an unknown command. */
export function helpFor(command: string, action?: string): string | undefined {
  const help = HELP[command];
  if (!help) return undefined;
  return (action && help.subcommands?.[action]) || help.usage;
}

/** The action (`create` in `apikey create`) when the command has actions and args start with one of them. */
export function actionOf(command: string, args: string[]): string | undefined {
  const first = args[0];
  return first && HELP[command]?.subcommands?.[first] ? first : undefined;
}
