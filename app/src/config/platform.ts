// The platform's configuration keys (server, database, storage, accounts, rate limits, webhooks, worker, compose, retention, audit).
// Spread into the one schema in app/src/config/schema.ts, so `devforge config --docs` lists them too.
// Embedded mode (`npm start`) needs none of them set; production sets database.url and storage.driver=s3.

export const platformConfigSchema = {
  server: {
    role: {
      doc: 'What this process runs: all (API + worker, embedded mode and small installs), api (HTTP only) or worker (render queues only).',
      format: ['all', 'api', 'worker'],
      default: 'all',
      env: 'DEVFORGE_ROLE',
    },
    host: {
      doc: 'Address the HTTP server listens on (0.0.0.0: every interface). Empty: 127.0.0.1 for role all (embedded mode: reachable from this machine only), 0.0.0.0 for the api and worker roles.',
      format: String,
      default: '',
      env: 'DEVFORGE_HOST',
    },
    port: {
      doc: 'TCP port of the HTTP server (API, web page, docs, metrics).',
      format: 'port',
      default: 8080,
      env: 'DEVFORGE_PORT',
    },
    publicUrl: {
      doc: 'The URL people and webhooks reach this appliance at, used in links. Empty: API answers link to the address the client used (behind a proxy, with server.trustProxy, its forwarded protocol and host), answered only for the hosts server.allowedHosts allows; webhooks link to http://localhost:<port>.',
      format: String,
      default: '',
      env: 'DEVFORGE_PUBLIC_URL',
    },
    allowedHosts: {
      doc: 'Comma-separated host names this appliance answers to when server.publicUrl is empty (links are then built from the Host header, so a Host nobody listed would become every link). Loopback names and server.host are always answered; other Hosts get 400. Unused when server.publicUrl is set.',
      format: String,
      default: '',
      env: 'DEVFORGE_ALLOWED_HOSTS',
    },
    trustProxy: {
      doc: 'The appliance runs behind a reverse proxy: honour X-Forwarded-For (the client address, for rate limits and sign-in throttling), X-Forwarded-Proto (Secure cookies, https links) and X-Forwarded-Host (links). Off: those headers are ignored, as any client can send them.',
      format: Boolean,
      default: false,
      env: 'DEVFORGE_TRUST_PROXY',
    },
    trustProxyHops: {
      doc: 'How many reverse proxies stand in front (with server.trustProxy): the client address is the one that many entries from the end of X-Forwarded-For, so a client cannot pose as another by sending its own X-Forwarded-For.',
      format: 'positive-int',
      default: 1,
      env: 'DEVFORGE_TRUST_PROXY_HOPS',
    },
    bodyLimitBytes: {
      doc: 'Largest request body accepted, in bytes; larger bodies get 413 payload-too-large.',
      format: 'nat',
      default: 1_048_576,
      env: 'DEVFORGE_BODY_LIMIT_BYTES',
    },
    shutdownGraceS: {
      doc: 'On SIGTERM, how long running renders may take to finish before they are handed back to the queue, in seconds.',
      format: 'nat',
      default: 30,
      env: 'DEVFORGE_SHUTDOWN_GRACE_S',
    },
  },
  data: {
    dir: {
      doc: 'Where embedded mode keeps its data: the embedded Postgres cluster, local object storage and render scratch files.',
      format: String,
      default: 'var',
      env: 'DEVFORGE_DATA_DIR',
    },
  },
  database: {
    url: {
      doc: 'PostgreSQL connection URL (postgres://user:pass@host:5432/db). Empty: run the embedded Postgres under data.dir.',
      format: String,
      default: '',
      env: 'DEVFORGE_DATABASE_URL',
      sensitive: true,
    },
    poolSize: {
      doc: 'Most database connections this process opens for the API and worker (pg-boss has its own small pool).',
      format: 'nat',
      default: 10,
      env: 'DEVFORGE_DATABASE_POOL_SIZE',
    },
    embeddedPort: {
      doc: 'TCP port (on 127.0.0.1) of the embedded Postgres. 0: any free port, chosen at start.',
      format: 'nat',
      default: 0,
      env: 'DEVFORGE_EMBEDDED_PG_PORT',
    },
    embeddedUser: {
      doc: 'Operating-system account the embedded Postgres runs as when DevForge runs as root (Postgres refuses root). Empty: "postgres" if it exists, else "nobody".',
      format: String,
      default: '',
      env: 'DEVFORGE_EMBEDDED_PG_USER',
    },
  },
  storage: {
    driver: {
      doc: 'Object storage for videos, posters and captions: local (files under data.dir/objects) or s3 (any S3-compatible endpoint).',
      format: ['local', 's3'],
      default: 'local',
      env: 'DEVFORGE_STORAGE_DRIVER',
    },
    localDir: {
      doc: 'Directory of the local storage driver. Empty: <data.dir>/objects.',
      format: String,
      default: '',
      env: 'DEVFORGE_STORAGE_DIR',
    },
    s3: {
      endpoint: {
        doc: 'S3 endpoint URL, e.g. http://minio:9000 or https://s3.eu-west-1.amazonaws.com.',
        format: String,
        default: '',
        env: 'DEVFORGE_S3_ENDPOINT',
      },
      region: {
        doc: 'S3 region (most non-AWS servers accept the default).',
        format: String,
        default: 'us-east-1',
        env: 'DEVFORGE_S3_REGION',
      },
      bucket: {
        doc: 'Bucket that holds the outputs; created at start when missing.',
        format: String,
        default: 'devforge',
        env: 'DEVFORGE_S3_BUCKET',
      },
      accessKey: {
        doc: 'S3 access key id.',
        format: String,
        default: '',
        env: 'DEVFORGE_S3_ACCESS_KEY',
        sensitive: true,
      },
      secretKey: {
        doc: 'S3 secret access key.',
        format: String,
        default: '',
        env: 'DEVFORGE_S3_SECRET_KEY',
        sensitive: true,
      },
      pathStyle: {
        doc: 'Address buckets as /bucket/key (true: MinIO, Ceph, SeaweedFS) instead of bucket.host (false: AWS virtual-hosted style).',
        format: Boolean,
        default: true,
        env: 'DEVFORGE_S3_PATH_STYLE',
      },
      presignedDownloads: {
        doc: 'Answer downloads with a redirect to a presigned S3 URL (the endpoint must be reachable by clients); false streams them through the API.',
        format: Boolean,
        default: false,
        env: 'DEVFORGE_S3_PRESIGNED_DOWNLOADS',
      },
      presignExpiryS: {
        doc: 'Lifetime of presigned download URLs, in seconds.',
        format: 'nat',
        default: 900,
        env: 'DEVFORGE_S3_PRESIGN_EXPIRY_S',
      },
    },
  },
  auth: {
    adminEmail: {
      doc: 'Sign-in name of the administrator account created at first start.',
      format: String,
      default: 'admin@local',
      env: 'DEVFORGE_ADMIN_EMAIL',
    },
    adminPassword: {
      doc: 'Password of that administrator at first start. Empty: a random one is generated and printed once.',
      format: String,
      default: '',
      env: 'DEVFORGE_ADMIN_PASSWORD',
      sensitive: true,
    },
    sessionTtlHours: {
      doc: 'How long a browser session lasts without activity, in hours.',
      format: 'nat',
      default: 12,
      env: 'DEVFORGE_SESSION_TTL_HOURS',
    },
    secureCookies: {
      doc: 'Mark the session cookie Secure: auto (when the request came over HTTPS, X-Forwarded-Proto included), always, never.',
      format: ['auto', 'always', 'never'],
      default: 'auto',
      env: 'DEVFORGE_SECURE_COOKIES',
    },
    keyCacheS: {
      doc: 'How long an API key check is cached in memory, in seconds. Revocations reach every API process at once through Postgres NOTIFY; this is the upper bound if a notification is missed.',
      format: 'nat',
      default: 30,
      env: 'DEVFORGE_KEY_CACHE_S',
    },
  },
  rateLimit: {
    apiPerMinute: {
      doc: 'Requests a minute each API key, each signed-in user and each client address (requests without credentials) may make to /api/v1, counted in Postgres so every API process shares the count. Over it: 429 with Retry-After. Health, readiness, metrics, the web page and its assets are not counted.',
      format: 'positive-int',
      default: 600,
      env: 'DEVFORGE_RATE_LIMIT_API_PER_MINUTE',
    },
    generatePerMinute: {
      doc: 'Animations each API key or signed-in user may submit a minute (generate, batches, re-render), on top of rateLimit.apiPerMinute: each one occupies a renderer.',
      format: 'positive-int',
      default: 30,
      env: 'DEVFORGE_RATE_LIMIT_GENERATE_PER_MINUTE',
    },
    signInPerMinute: {
      doc: "Password attempts a minute from one client address (sign-in and changing one's password), counted before the password is checked; a successful attempt is given back. Behind a reverse proxy set server.trustProxy, or every client shares the proxy's address.",
      format: 'positive-int',
      default: 10,
      env: 'DEVFORGE_RATE_LIMIT_SIGN_IN_PER_MINUTE',
    },
    lockoutFailures: {
      doc: 'Wrong passwords an account may receive, from any address, within rateLimit.lockoutMinutes before it is locked until that window ends; a right password resets the count.',
      format: 'positive-int',
      default: 10,
      env: 'DEVFORGE_RATE_LIMIT_LOCKOUT_FAILURES',
    },
    lockoutMinutes: {
      doc: 'The window rateLimit.lockoutFailures counts in, in minutes, and so the longest an account stays locked.',
      format: 'positive-int',
      default: 15,
      env: 'DEVFORGE_RATE_LIMIT_LOCKOUT_MINUTES',
    },
  },
  webhooks: {
    allowedHosts: {
      doc: 'Comma-separated host names webhooks may be sent to (*.example.com matches sub-domains). Empty: any host not denied below.',
      format: String,
      default: '',
      env: 'DEVFORGE_WEBHOOK_ALLOWED_HOSTS',
    },
    allowNetworks: {
      doc: 'Comma-separated CIDR ranges webhooks may reach although they are private (10.20.0.0/16 for an internal receiver, 127.0.0.1/32 for one on this machine). Checked after DNS resolution; webhooks.deniedNetworks still wins.',
      format: 'cidr-list',
      default: '',
      env: 'DEVFORGE_WEBHOOK_ALLOW_NETWORKS',
    },
    deniedNetworks: {
      doc: 'Comma-separated CIDR ranges webhooks are never sent to, checked after DNS resolution, even inside webhooks.allowNetworks. The default denies link-local addresses, where cloud metadata services live.',
      format: 'cidr-list',
      default: '169.254.0.0/16,fe80::/10,fd00:ec2::/32,100.100.100.200/32,0.0.0.0/8',
      env: 'DEVFORGE_WEBHOOK_DENIED_NETWORKS',
    },
    denyPrivateNetworks: {
      doc: 'Deny loopback, private (RFC 1918), CGNAT, link-local, unique-local (fc00::/7), multicast, unspecified and reserved addresses, in every spelling (IPv4-mapped IPv6 included); webhooks.allowNetworks opens the ranges receivers need. Off: only webhooks.deniedNetworks is refused (for labs).',
      format: Boolean,
      default: true,
      env: 'DEVFORGE_WEBHOOK_DENY_PRIVATE',
    },
    timeoutMs: {
      doc: 'How long one webhook attempt may take, in milliseconds.',
      format: 'nat',
      default: 10_000,
      env: 'DEVFORGE_WEBHOOK_TIMEOUT_MS',
    },
    retryLimit: {
      doc: 'Retries after a failed webhook attempt (non-2xx answer, timeout, refused connection).',
      format: 'nat',
      default: 6,
      env: 'DEVFORGE_WEBHOOK_RETRY_LIMIT',
    },
    retryDelayS: {
      doc: 'First delay before a webhook retry, in seconds; it doubles on each further retry (with jitter).',
      format: 'nat',
      default: 5,
      env: 'DEVFORGE_WEBHOOK_RETRY_DELAY_S',
    },
  },
  worker: {
    concurrency: {
      doc: 'Renders one worker process runs at once. 0: one per detected GPU, at least one.',
      format: 'nat',
      default: 0,
      env: 'DEVFORGE_WORKER_CONCURRENCY',
    },
    pollIntervalS: {
      doc: 'Fallback queue polling interval, in seconds (new jobs normally wake workers at once through Postgres NOTIFY).',
      format: Number,
      default: 2,
      env: 'DEVFORGE_WORKER_POLL_INTERVAL_S',
    },
    renderRetryLimit: {
      doc: 'How many times a failed render (crash, storage outage) is retried before the animation is marked failed.',
      format: 'nat',
      default: 3,
      env: 'DEVFORGE_RENDER_RETRY_LIMIT',
    },
    renderRetryDelayS: {
      doc: 'First delay before a render retry, in seconds; it doubles on each further retry.',
      format: 'nat',
      default: 5,
      env: 'DEVFORGE_RENDER_RETRY_DELAY_S',
    },
    heartbeatS: {
      doc: 'A render whose worker has not reported for this long (killed, machine lost) is retried elsewhere, in seconds (at least 10).',
      format: 'nat',
      default: 30,
      env: 'DEVFORGE_WORKER_HEARTBEAT_S',
    },
    superviseIntervalS: {
      doc: 'How often the queue looks for lost renders and expired jobs, in seconds.',
      format: 'nat',
      default: 15,
      env: 'DEVFORGE_WORKER_SUPERVISE_INTERVAL_S',
    },
    maxRenderMinutes: {
      doc: 'Longest a single render job may run before it is failed and retried, in minutes.',
      format: 'nat',
      default: 60,
      env: 'DEVFORGE_MAX_RENDER_MINUTES',
    },
  },
  compose: {
    threads: {
      doc: 'Worker threads that analyse descriptions and compose scenes for the API (molecule structures and other slow work run there, never on the thread that answers HTTP). 0: one fewer than the CPU cores, between 1 and 4.',
      format: 'nat',
      default: 0,
      env: 'DEVFORGE_COMPOSE_THREADS',
    },
    timeBudgetMs: {
      doc: 'Longest one analysis or scene composition may run, in milliseconds (at least 100); past it the work is stopped and the request gets 422 compose-timeout. A request that waits this long for a free compose thread gets 503 compose-busy.',
      format: 'nat',
      default: 30_000,
      env: 'DEVFORGE_COMPOSE_TIME_BUDGET_MS',
    },
  },
  audit: {
    retentionDays: {
      doc: 'Audit log entries older than this many days are deleted by the daily purge (which records an audit.purge entry, so the chain stays verifiable). Between 30 and 2555 (7 years, what some financial audits require).',
      format: 'audit-retention-days',
      default: 2555,
      env: 'DEVFORGE_AUDIT_RETENTION_DAYS',
    },
    purgeCron: {
      doc: 'When the daily audit purge runs (cron expression, UTC).',
      format: String,
      default: '41 3 * * *',
      env: 'DEVFORGE_AUDIT_PURGE_CRON',
    },
  },
  retention: {
    days: {
      doc: 'Animations (and their files) older than this many days are deleted by the nightly clean-up. 0: keep forever.',
      format: 'nat',
      default: 0,
      env: 'DEVFORGE_RETENTION_DAYS',
    },
    cron: {
      doc: 'When the retention clean-up runs (cron expression, UTC).',
      format: String,
      default: '17 3 * * *',
      env: 'DEVFORGE_RETENTION_CRON',
    },
  },
};
