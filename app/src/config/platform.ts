// The platform's configuration keys (server, database, storage, accounts, webhooks, worker, compose, retention).
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
      doc: 'The URL people and webhooks reach this appliance at, used in links. Empty: API answers link to the address the client used (behind a proxy, with server.trustProxy, its forwarded protocol and host); webhooks link to http://localhost:<port>.',
      format: String,
      default: '',
      env: 'DEVFORGE_PUBLIC_URL',
    },
    trustProxy: {
      doc: 'The appliance runs behind a reverse proxy: honour X-Forwarded-For (client address for sign-in throttling), X-Forwarded-Proto (Secure cookies, https links) and X-Forwarded-Host (links). Off: those headers are ignored, as any client can send them.',
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
    localLogin: {
      doc: 'Offer e-mail and password sign-in. Off (with auth.oidc.issuer set): the page shows only single sign-on and POST /api/v1/auth/login accepts only the break-glass administrator (auth.adminEmail).',
      format: Boolean,
      default: true,
      env: 'DEVFORGE_LOCAL_LOGIN',
    },
    oidc: {
      issuer: {
        doc: 'OpenID Connect issuer URL of the identity provider (Keycloak: https://host/realms/<realm>). Empty: single sign-on is off.',
        format: String,
        default: '',
        env: 'DEVFORGE_OIDC_ISSUER',
      },
      clientId: {
        doc: 'Client id DevForge is registered with at the identity provider.',
        format: String,
        default: '',
        env: 'DEVFORGE_OIDC_CLIENT_ID',
      },
      clientSecret: {
        doc: 'Client secret of that client (confidential client, client_secret_basic).',
        format: String,
        default: '',
        env: 'DEVFORGE_OIDC_CLIENT_SECRET',
        sensitive: true,
      },
      displayName: {
        doc: 'Shown on the sign-in page as "Sign in with <name>".',
        format: String,
        default: 'single sign-on',
        env: 'DEVFORGE_OIDC_DISPLAY_NAME',
      },
      roleClaim: {
        doc: 'Dotted path to the role names in the ID token or userinfo claims (or an access token, for services): realm_access.roles (Keycloak realm roles), groups, resource_access.devforge.roles.',
        format: String,
        default: 'realm_access.roles',
        env: 'DEVFORGE_OIDC_ROLE_CLAIM',
      },
      roleMap: {
        doc: 'Comma-separated <IdP role or group>=<admin|editor|viewer>; the strongest mapped role wins.',
        format: String,
        default: 'devforge-admin=admin,devforge-editor=editor,devforge-viewer=viewer',
        env: 'DEVFORGE_OIDC_ROLE_MAP',
      },
      defaultRole: {
        doc: 'Role of someone whose claims map to no role: viewer, editor, admin, or none to refuse them.',
        format: ['none', 'viewer', 'editor', 'admin'],
        default: 'viewer',
        env: 'DEVFORGE_OIDC_DEFAULT_ROLE',
      },
      audience: {
        doc: 'Audience (aud) a service bearer token must carry. Empty: the client id.',
        format: String,
        default: '',
        env: 'DEVFORGE_OIDC_AUDIENCE',
      },
      allowHttp: {
        doc: 'Allow an http:// issuer. Only for tests and labs: tokens and secrets would travel in clear text.',
        format: Boolean,
        default: false,
        env: 'DEVFORGE_OIDC_ALLOW_HTTP',
      },
    },
  },
  webhooks: {
    allowedHosts: {
      doc: 'Comma-separated host names webhooks may be sent to (*.example.com matches sub-domains). Empty: any host not denied below.',
      format: String,
      default: '',
      env: 'DEVFORGE_WEBHOOK_ALLOWED_HOSTS',
    },
    deniedNetworks: {
      doc: 'Comma-separated CIDR ranges webhooks are never sent to, checked after DNS resolution. The default denies link-local addresses, where cloud metadata services live.',
      format: String,
      default: '169.254.0.0/16,fe80::/10,fd00:ec2::/32,100.100.100.200/32,0.0.0.0/8',
      env: 'DEVFORGE_WEBHOOK_DENIED_NETWORKS',
    },
    denyPrivateNetworks: {
      doc: 'Also deny loopback and private (RFC 1918, fc00::/7) addresses. Off by default: on-premise receivers usually live on private networks.',
      format: Boolean,
      default: false,
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
