// GENERATED from the DevForge OpenAPI document (GET /api/v1/openapi.json) by app/scripts/generate-sdk-types.ts: do not edit.
// Run `node app/scripts/generate-sdk-types.ts` after changing a route or its schemas; a test fails while this file is stale.

export type Problem = {
  /** Stable error id: urn:devforge:problem:<name>. */
  type:
    | 'urn:devforge:problem:malformed-json'
    | 'urn:devforge:problem:bad-request'
    | 'urn:devforge:problem:unauthorized'
    | 'urn:devforge:problem:invalid-credentials'
    | 'urn:devforge:problem:forbidden'
    | 'urn:devforge:problem:license-limit'
    | 'urn:devforge:problem:sandbox-limit'
    | 'urn:devforge:problem:origin-not-allowed'
    | 'urn:devforge:problem:csrf-failed'
    | 'urn:devforge:problem:not-found'
    | 'urn:devforge:problem:method-not-allowed'
    | 'urn:devforge:problem:conflict'
    | 'urn:devforge:problem:output-not-ready'
    | 'urn:devforge:problem:payload-too-large'
    | 'urn:devforge:problem:unsupported-media-type'
    | 'urn:devforge:problem:range-not-satisfiable'
    | 'urn:devforge:problem:validation-failed'
    | 'urn:devforge:problem:description-empty'
    | 'urn:devforge:problem:description-too-long'
    | 'urn:devforge:problem:unknown-template'
    | 'urn:devforge:problem:unknown-style'
    | 'urn:devforge:problem:invalid-params'
    | 'urn:devforge:problem:unknown-voice'
    | 'urn:devforge:problem:not-understood'
    | 'urn:devforge:problem:description-needs-data'
    | 'urn:devforge:problem:scene-invalid'
    | 'urn:devforge:problem:compose-timeout'
    | 'urn:devforge:problem:license-refused'
    | 'urn:devforge:problem:webhook-url-not-allowed'
    | 'urn:devforge:problem:render-too-long'
    | 'urn:devforge:problem:idempotency-key-reused'
    | 'urn:devforge:problem:idempotency-key-in-use'
    | 'urn:devforge:problem:too-many-requests'
    | 'urn:devforge:problem:too-many-renders'
    | 'urn:devforge:problem:too-many-streams'
    | 'urn:devforge:problem:compose-busy'
    | 'urn:devforge:problem:internal-error'
    | 'urn:devforge:problem:service-unavailable';
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: Array<{
    field?: string;
    message?: string;
  }>;
};

// POST /api/v1/auth/login: Sign in with e-mail and password; sets the HttpOnly session cookie and returns the CSRF token for writes.
export type PostApiV1AuthLoginBody = {
  email: string;
  password: string;
};
export type PostApiV1AuthLoginResponse = {
  user: {
    id: string;
    email: string;
    name: string;
    role: 'admin' | 'editor' | 'viewer';
    disabled: boolean;
    created_at: string;
    last_login_at: string | null;
  };
  role: 'admin' | 'editor' | 'viewer';
  via: 'session' | 'api-key' | 'oidc';
  csrf_token?: string;
  /** What this caller may do before any one thing is looked at (its role, and a key its scopes): the web app shows only these. */
  actions: Array<
    | 'analysis.run'
    | 'animation.create'
    | 'animation.priority-high'
    | 'animation.webhook'
    | 'animation.list'
    | 'animation.list-all'
    | 'animation.read'
    | 'animation.cancel'
    | 'animation.rerender'
    | 'animation.rename'
    | 'animation.delete'
    | 'animation.share'
    | 'batch.create'
    | 'batch.read'
    | 'webhook.list'
    | 'webhook.list-all'
    | 'webhook.read'
    | 'webhook.secret.read'
    | 'webhook.secret.rotate'
    | 'webhook.redeliver'
    | 'account.read'
    | 'account.change-password'
    | 'account.export'
    | 'session.end'
    | 'session.list'
    | 'session.revoke'
    | 'api-key.create'
    | 'api-key.list'
    | 'api-key.list-all'
    | 'api-key.revoke'
    | 'api-key.update-origins'
    | 'user.create'
    | 'user.list'
    | 'user.update'
    | 'user.sessions.end'
    | 'user.delete'
    | 'user.export'
    | 'metrics.read'
    | 'audit.read'
    | 'audit.export'
    | 'license.read'
    | 'license.install'
    | 'license.request'
    | 'usage.read'
    | 'usage.read-all'
    | 'system.read'
    | 'sso.read'
    | 'sso.test'
    | 'branding.read'
    | 'branding.update'
    | 'integration.command'
    | 'integration.link'
    | 'lti.read'
    | 'lti.manage'
    | 'lti.deep-link'
  >;
};

// POST /api/v1/auth/logout: End the browser session. A single sign-on session answers 200 with end_session_url: send the browser there to end the identity provider session too.
export type PostApiV1AuthLogoutResponse = {
  end_session_url: string;
};

// GET /api/v1/me: The signed-in user, the role this request acts with, and (sessions) the CSRF token.
export type GetApiV1MeResponse = {
  user: {
    id: string;
    email: string;
    name: string;
    role: 'admin' | 'editor' | 'viewer';
    disabled: boolean;
    created_at: string;
    last_login_at: string | null;
  };
  role: 'admin' | 'editor' | 'viewer';
  via: 'session' | 'api-key' | 'oidc';
  csrf_token?: string;
  /** What this caller may do before any one thing is looked at (its role, and a key its scopes): the web app shows only these. */
  actions: Array<
    | 'analysis.run'
    | 'animation.create'
    | 'animation.priority-high'
    | 'animation.webhook'
    | 'animation.list'
    | 'animation.list-all'
    | 'animation.read'
    | 'animation.cancel'
    | 'animation.rerender'
    | 'animation.rename'
    | 'animation.delete'
    | 'animation.share'
    | 'batch.create'
    | 'batch.read'
    | 'webhook.list'
    | 'webhook.list-all'
    | 'webhook.read'
    | 'webhook.secret.read'
    | 'webhook.secret.rotate'
    | 'webhook.redeliver'
    | 'account.read'
    | 'account.change-password'
    | 'account.export'
    | 'session.end'
    | 'session.list'
    | 'session.revoke'
    | 'api-key.create'
    | 'api-key.list'
    | 'api-key.list-all'
    | 'api-key.revoke'
    | 'api-key.update-origins'
    | 'user.create'
    | 'user.list'
    | 'user.update'
    | 'user.sessions.end'
    | 'user.delete'
    | 'user.export'
    | 'metrics.read'
    | 'audit.read'
    | 'audit.export'
    | 'license.read'
    | 'license.install'
    | 'license.request'
    | 'usage.read'
    | 'usage.read-all'
    | 'system.read'
    | 'sso.read'
    | 'sso.test'
    | 'branding.read'
    | 'branding.update'
    | 'integration.command'
    | 'integration.link'
    | 'lti.read'
    | 'lti.manage'
    | 'lti.deep-link'
  >;
};

// POST /api/v1/me/password: Change your own password: your other sessions end and your API keys are revoked.
export type PostApiV1MePasswordBody = {
  current_password: string;
  new_password: string;
};

// GET /api/v1/me/sessions: Your browser sessions: when each began and was last used, from where, and which one is this.
export type GetApiV1MeSessionsResponse = {
  sessions: Array<{
    id: string;
    created_at: string;
    last_seen_at: string;
    /** When it ends unless used before then (auth.sessionTtlHours of inactivity). */
    expires_at: string;
    /** When it ends however active (auth.sessionMaxHours after sign-in). */
    ends_at: string;
    ip: string | null;
    user_agent: string | null;
    current: boolean;
  }>;
};

// DELETE /api/v1/me/sessions/{id}: End one of your sessions (another browser, a lost device). Ending the current one signs you out here.
export type DeleteApiV1MeSessionsIdParams = {
  id: string;
};

// POST /api/v1/api-keys: Create an API key with scopes and an expiry. The key is returned once; only its hash is stored.
export type PostApiV1ApiKeysBody = {
  name: string;
  /** Default: your own role. Never stronger than your own. */
  role?: 'admin' | 'editor' | 'viewer';
  /** What the key may be used for. Default: every scope its role allows (viewer: animations:read; editor: also animations:write; admin: also admin). */
  scopes?: Array<'animations:read' | 'animations:write' | 'admin'>;
  /** Days until the key expires; at most apiKeys.maxLifetimeDays (admins: apiKeys.adminMaxLifetimeDays). */
  expires_in_days?: number;
  /** When the key expires (instead of expires_in_days), within the same maximum. */
  expires_at?: string;
  /** A sandbox key, for trying the API out on any tier: its renders are watermarked "SANDBOX", at most 720p and 15 seconds, and count against neither animations nor API calls per month. */
  sandbox?: boolean;
  /** Default secret. publishable: a dfp_ key for the embeddable widget (docs/widget.md), usable only from allowed_origins and only to analyse, generate and read its animations; never the admin scope. */
  kind?: 'secret' | 'publishable';
  /** For kind publishable (required): the web origins of the pages that embed the widget, each exactly scheme://host[:port], such as http://localhost:8080 (a path, query or wildcard is refused). */
  allowed_origins?: Array<string>;
};
export type PostApiV1ApiKeysResponse = {
  id: string;
  name: string;
  role: 'admin' | 'editor' | 'viewer';
  scopes: Array<'animations:read' | 'animations:write' | 'admin'>;
  prefix: string;
  user_id: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  active: boolean;
  /** A sandbox key: its renders are watermarked SANDBOX, at most 720p and 15 s, and count against no quota. */
  sandbox: boolean;
  /** secret (dfk_…): for servers. publishable (dfp_…): for web pages (the widget), works only from allowed_origins and only for what the widget does. */
  kind: 'secret' | 'publishable';
  /** A publishable key's web origins (scheme://host[:port]); empty for secret keys. */
  allowed_origins: Array<string>;
  key: string;
};

// GET /api/v1/api-keys: Your API keys (admins: owner=all lists everyone's).
export type GetApiV1ApiKeysQuery = {
  owner?: 'me' | 'all';
};
export type GetApiV1ApiKeysResponse = {
  api_keys: Array<{
    id: string;
    name: string;
    role: 'admin' | 'editor' | 'viewer';
    scopes: Array<'animations:read' | 'animations:write' | 'admin'>;
    prefix: string;
    user_id: string;
    created_at: string;
    last_used_at: string | null;
    expires_at: string | null;
    revoked_at: string | null;
    active: boolean;
    /** A sandbox key: its renders are watermarked SANDBOX, at most 720p and 15 s, and count against no quota. */
    sandbox: boolean;
    /** secret (dfk_…): for servers. publishable (dfp_…): for web pages (the widget), works only from allowed_origins and only for what the widget does. */
    kind: 'secret' | 'publishable';
    /** A publishable key's web origins (scheme://host[:port]); empty for secret keys. */
    allowed_origins: Array<string>;
  }>;
};

// PUT /api/v1/api-keys/{id}/allowed-origins: Replace a publishable key's allowed web origins (the pages that may embed the widget with it).
export type PutApiV1ApiKeysIdAllowedOriginsParams = {
  id: string;
};
export type PutApiV1ApiKeysIdAllowedOriginsBody = {
  /** The full new list (at least one). */
  allowed_origins: Array<string>;
};
export type PutApiV1ApiKeysIdAllowedOriginsResponse = {
  id: string;
  name: string;
  role: 'admin' | 'editor' | 'viewer';
  scopes: Array<'animations:read' | 'animations:write' | 'admin'>;
  prefix: string;
  user_id: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  active: boolean;
  /** A sandbox key: its renders are watermarked SANDBOX, at most 720p and 15 s, and count against no quota. */
  sandbox: boolean;
  /** secret (dfk_…): for servers. publishable (dfp_…): for web pages (the widget), works only from allowed_origins and only for what the widget does. */
  kind: 'secret' | 'publishable';
  /** A publishable key's web origins (scheme://host[:port]); empty for secret keys. */
  allowed_origins: Array<string>;
};

// DELETE /api/v1/api-keys/{id}: Revoke an API key at once.
export type DeleteApiV1ApiKeysIdParams = {
  id: string;
};

// POST /api/v1/users: Create a local account.
export type PostApiV1UsersBody = {
  email: string;
  name?: string;
  role: 'admin' | 'editor' | 'viewer';
  /** At least 10 characters. */
  password: string;
};
export type PostApiV1UsersResponse = {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'editor' | 'viewer';
  disabled: boolean;
  created_at: string;
  last_login_at: string | null;
};

// GET /api/v1/users: Every account.
export type GetApiV1UsersResponse = {
  users: Array<{
    id: string;
    email: string;
    name: string;
    role: 'admin' | 'editor' | 'viewer';
    disabled: boolean;
    created_at: string;
    last_login_at: string | null;
  }>;
};

// PATCH /api/v1/users/{id}: Change an account: name, role, disabled, password.
export type PatchApiV1UsersIdParams = {
  id: string;
};
export type PatchApiV1UsersIdBody = {
  name?: string;
  role?: 'admin' | 'editor' | 'viewer';
  disabled?: boolean;
  password?: string;
};
export type PatchApiV1UsersIdResponse = {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'editor' | 'viewer';
  disabled: boolean;
  created_at: string;
  last_login_at: string | null;
};

// DELETE /api/v1/users/{id}: Delete an account (GDPR erasure): its animations are deleted or handed over, its API keys and sessions end, its audit entries are anonymised (the chain still verifies). Recorded as user.delete.
export type DeleteApiV1UsersIdParams = {
  id: string;
};
export type DeleteApiV1UsersIdQuery = {
  /** delete: the animations and their files go with the account; handover: they are given to the user `to`. */
  animations: 'delete' | 'handover';
  /** With animations=handover: the id of the editor or administrator who receives them. */
  to?: string;
};
export type DeleteApiV1UsersIdResponse = {
  user_id: string;
  animations_deleted: number;
  animations_handed_over: number;
  handed_over_to: string | null;
  audit_entries_anonymised: number;
  /** Storage prefixes that could not be removed and must be removed by hand (empty when all went). */
  files_not_removed: Array<string>;
};

// DELETE /api/v1/users/{id}/sessions: End every browser session of an account (a lost device, someone leaving); its API keys stay.
export type DeleteApiV1UsersIdSessionsParams = {
  id: string;
};
export type DeleteApiV1UsersIdSessionsResponse = {
  sessions_ended: number;
};

// GET /api/v1/me/export: Everything DevForge holds about you, as a zip (GDPR portability). Signed in, or with an admin key; recorded as user.export.

// GET /api/v1/users/{id}/export: Everything DevForge holds about one user, as a zip, for an administrator answering a request on their behalf; recorded as user.export.
export type GetApiV1UsersIdExportParams = {
  id: string;
};

// POST /api/v1/analyze: Analyse a description: template, params (every one, defaults filled), facts, confidence, alternatives, warnings.
export type PostApiV1AnalyzeBody = {
  /** What to animate (at most analysis.maxDescriptionLength characters). */
  description: string;
  style?: 'mathematical' | 'algorithmic' | 'scientific' | 'corporate_training';
  /** Template ids that fit (hints). */
  templates?: Array<string>;
  /** Skip recognition and use this template. */
  template?: string;
  /** Explicit params for `template`. */
  params?: Record<string, unknown>;
};
export type PostApiV1AnalyzeResponse = {
  template: string;
  style: string;
  params: Record<string, unknown>;
  facts: Record<string, unknown>;
  confidence: number;
  /** False when the description was not understood (see suggestions) or names a template without its content (see needs); generating it answers 422. */
  understood: boolean;
  /** The content to add: the params missing and what to type. */
  needs?: {
    data: Array<string>;
    message: string;
  };
  alternatives: Array<{
    template: string;
    confidence: number;
  }>;
  warnings: Array<string>;
  matched: Array<string>;
  /** How it was asked to be told: "slowly" holds every step longer, "quickly" shortens it to the reading floor, "in detail"/"step by step"/"for beginners" narrates every step of every round, "overview"/"briefly" summarises sooner; words: the phrases that said so. It never changes the template or the data. */
  delivery: {
    pace: 'slow' | 'normal' | 'fast';
    depth: 'overview' | 'standard' | 'detailed';
    words: Array<string>;
  };
  suggestions?: Array<{
    template: string;
    title: string;
    example: string;
  }>;
};

// GET /api/v1/templates: Every template with its params schema, defaults and an example description.
export type GetApiV1TemplatesResponse = {
  templates: Array<{
    id: string;
    title: string;
    category: string;
    style: string;
    example: string;
    /** JSON Schema of the params. */
    params_schema: Record<string, unknown>;
    defaults: Record<string, unknown>;
  }>;
};

// GET /api/v1/voices: The voices the voice-over can speak with on this server (espeak-ng): the names `voice` takes.
export type GetApiV1VoicesResponse = {
  voices: Array<{
    name: string;
    description: string;
    gender: string;
  }>;
  unavailable?: string;
};

// POST /api/v1/scenes/preview: The scene spec (and typeset formulas) for a description or edited params, for the live preview player.
export type PostApiV1ScenesPreviewBody = {
  /** What to animate (at most analysis.maxDescriptionLength characters). */
  description: string;
  style?: 'mathematical' | 'algorithmic' | 'scientific' | 'corporate_training';
  /** Template ids that fit (hints). */
  templates?: Array<string>;
  /** Skip recognition and use this template. */
  template?: string;
  /** Explicit params for `template`. */
  params?: Record<string, unknown>;
  quality?: '720p' | '1080p' | '4k';
  /** As on generate: the frame's shape. */
  aspect?: '16:9' | '9:16' | '1:1' | '4:3';
  duration?: number;
  /** As on generate: burn_in draws the narration in the frame, sidecar leaves the frame clean. */
  captions?: 'burn_in' | 'sidecar' | 'both';
  /** As on generate: a name from GET /voices paces each step for its speech; "off" (the default) for none. */
  voice?: string;
};
export type PostApiV1ScenesPreviewResponse = {
  analysis: {
    template: string;
    style: string;
    params: Record<string, unknown>;
    facts: Record<string, unknown>;
    confidence: number;
    /** False when the description was not understood (see suggestions) or names a template without its content (see needs); generating it answers 422. */
    understood: boolean;
    /** The content to add: the params missing and what to type. */
    needs?: {
      data: Array<string>;
      message: string;
    };
    alternatives: Array<{
      template: string;
      confidence: number;
    }>;
    warnings: Array<string>;
    matched: Array<string>;
    /** How it was asked to be told: "slowly" holds every step longer, "quickly" shortens it to the reading floor, "in detail"/"step by step"/"for beginners" narrates every step of every round, "overview"/"briefly" summarises sooner; words: the phrases that said so. It never changes the template or the data. */
    delivery: {
      pace: 'slow' | 'normal' | 'fast';
      depth: 'overview' | 'standard' | 'detailed';
      words: Array<string>;
    };
    suggestions?: Array<{
      template: string;
      title: string;
      example: string;
    }>;
  };
  scene: Record<string, unknown>;
  assets: {
    math: Record<string, string>;
  };
};

// POST /api/v1/scenes/preview/narration: The voice-over of a preview: the same request as POST /scenes/preview with a voice, spoken as the export's MP4 will speak it.
export type PostApiV1ScenesPreviewNarrationBody = {
  /** What to animate (at most analysis.maxDescriptionLength characters). */
  description: string;
  style?: 'mathematical' | 'algorithmic' | 'scientific' | 'corporate_training';
  /** Template ids that fit (hints). */
  templates?: Array<string>;
  /** Skip recognition and use this template. */
  template?: string;
  /** Explicit params for `template`. */
  params?: Record<string, unknown>;
  quality?: '720p' | '1080p' | '4k';
  /** As on generate: the frame's shape. */
  aspect?: '16:9' | '9:16' | '1:1' | '4:3';
  duration?: number;
  /** As on generate: burn_in draws the narration in the frame, sidecar leaves the frame clean. */
  captions?: 'burn_in' | 'sidecar' | 'both';
  /** As on generate: a name from GET /voices paces each step for its speech; "off" (the default) for none. */
  voice?: string;
};

// POST /api/v1/animations/batch: Generate several animations; callback_url receives one signed POST when every item has finished, with each item's outcome.
export type PostApiV1AnimationsBatchBody = {
  animations: Array<{
    /** What to animate, in plain words (at most analysis.maxDescriptionLength characters, 2000 by default). */
    description: string;
    /** Visual style; default: the template's own. */
    style?: 'mathematical' | 'algorithmic' | 'scientific' | 'corporate_training';
    /** Output resolution; default: render.defaultResolution (1080p unless configured), capped at the license's highest quality. Asking for more than the license allows is refused with 403 license-limit. */
    quality?: '720p' | '1080p' | '4k';
    /** The frame's shape: 16:9 (the default), 9:16 (phones), 1:1 or 4:3. The quality names the short side: 720p at 9:16 is 720×1280. Every template lays itself out for the shape, inside the 5% title-safe margin. */
    aspect?: '16:9' | '9:16' | '1:1' | '4:3';
    /** Length in seconds (at most render.maxDurationS, 600 by default); default: the template's natural length. */
    duration?: number;
    /** Frame rate; default render.defaultFps. */
    fps?: 24 | 30 | 60;
    /** Where the narration shows: burn_in draws it in the frame (the .vtt is still written, for players and screen readers); sidecar leaves the frame clean and writes only the .vtt; both is the same as burn_in. */
    captions?: 'burn_in' | 'sidecar' | 'both';
    /** A voice that speaks the narration, mixed into the MP4 as AAC: a name from GET /voices (espeak-ng voices, e.g. "en-us"), or "off" (the default) for no sound. An unknown name is answered with 422 and the list. */
    voice?: string;
    /** Template ids the caller thinks fit (hints). */
    templates?: Array<string>;
    /** Use this template, skipping recognition. */
    template?: string;
    /** Explicit params for `template` (see GET /templates). */
    params?: Record<string, unknown>;
    /** What to do with a description that was not understood: by default it is answered with 422 urn:devforge:problem:not-understood and the closest templates; "title_card" renders its words as a title card instead (said in the warnings). A description missing its data (needs) is still a 422. */
    fallback?: 'title_card';
    /** Branding drawn over the animation. */
    custom_branding?: {
      /** Logo drawn in the top-left corner, as a data: URL (at most ~500 KB). */
      logo?: string;
      colors?: {
        primary?: string;
        text?: string;
      };
      /** Text drawn faintly over every frame. */
      watermark?: string;
      product_name?: string;
    };
    /** Receives a signed POST when the animation completes or fails. */
    webhook_url?: string;
    /** Queue priority. */
    priority?: 'low' | 'normal' | 'high';
    /** Your own id for this item, echoed back. */
    id?: string;
  }>;
  /** Receives one signed POST when every item has finished. */
  callback_url?: string;
};
export type PostApiV1AnimationsBatchResponse = {
  batch_id: string;
  status: 'processing';
  animations: Array<{
    id: string;
    client_id: string | null;
    status: 'queued';
    /** ISO 8601 date-time */
    estimated_completion: string;
  }>;
};

// GET /api/v1/batches/{id}: A batch and each of its animations.
export type GetApiV1BatchesIdParams = {
  id: string;
};
export type GetApiV1BatchesIdResponse = {
  batch_id: string;
  status: 'processing' | 'completed';
  /** ISO 8601 date-time */
  created_at: string;
  completed_at: string | null;
  callback_url: string | null;
  counts: Record<string, number>;
  animations: Array<{
    id: string;
    status: 'queued' | 'processing' | 'completed' | 'failed' | 'cancelled';
    progress: number;
    error: string | null;
    description: string;
    /** Its name in the library, set with PUT /animations/{id}/title; null: untitled (show the description). */
    title: string | null;
    style: string;
    quality: '720p' | '1080p' | '4k';
    fps: number;
    duration: number;
    template: string;
    params: Record<string, unknown>;
    facts: Record<string, unknown>;
    confidence: number | null;
    warnings: Array<string>;
    batch_id: string | null;
    client_id: string | null;
    attempts: number;
    generation: number;
    /** Anyone signed in may view it (PATCH /animations/{id} sets it). */
    org_visible: boolean;
    outputs: {
      video_bytes: number;
      poster_bytes: number;
      captions_bytes: number;
      width: number;
      height: number;
      frames: number;
      render_seconds: number;
    } | null;
    /** ISO 8601 date-time */
    created_at: string;
    /** ISO 8601 date-time */
    updated_at: string;
    started_at: string | null;
    completed_at: string | null;
    estimated_completion: string | null;
    /** Related URLs: self, events, video, poster, captions, scene, cancel, rerender. */
    links: Record<string, string>;
  }>;
};

// POST /api/v1/animations/generate: Generate an animation from a description.
export type PostApiV1AnimationsGenerateBody = {
  /** What to animate, in plain words (at most analysis.maxDescriptionLength characters, 2000 by default). */
  description: string;
  /** Visual style; default: the template's own. */
  style?: 'mathematical' | 'algorithmic' | 'scientific' | 'corporate_training';
  /** Output resolution; default: render.defaultResolution (1080p unless configured), capped at the license's highest quality. Asking for more than the license allows is refused with 403 license-limit. */
  quality?: '720p' | '1080p' | '4k';
  /** The frame's shape: 16:9 (the default), 9:16 (phones), 1:1 or 4:3. The quality names the short side: 720p at 9:16 is 720×1280. Every template lays itself out for the shape, inside the 5% title-safe margin. */
  aspect?: '16:9' | '9:16' | '1:1' | '4:3';
  /** Length in seconds (at most render.maxDurationS, 600 by default); default: the template's natural length. */
  duration?: number;
  /** Frame rate; default render.defaultFps. */
  fps?: 24 | 30 | 60;
  /** Where the narration shows: burn_in draws it in the frame (the .vtt is still written, for players and screen readers); sidecar leaves the frame clean and writes only the .vtt; both is the same as burn_in. */
  captions?: 'burn_in' | 'sidecar' | 'both';
  /** A voice that speaks the narration, mixed into the MP4 as AAC: a name from GET /voices (espeak-ng voices, e.g. "en-us"), or "off" (the default) for no sound. An unknown name is answered with 422 and the list. */
  voice?: string;
  /** Template ids the caller thinks fit (hints). */
  templates?: Array<string>;
  /** Use this template, skipping recognition. */
  template?: string;
  /** Explicit params for `template` (see GET /templates). */
  params?: Record<string, unknown>;
  /** What to do with a description that was not understood: by default it is answered with 422 urn:devforge:problem:not-understood and the closest templates; "title_card" renders its words as a title card instead (said in the warnings). A description missing its data (needs) is still a 422. */
  fallback?: 'title_card';
  /** Branding drawn over the animation. */
  custom_branding?: {
    /** Logo drawn in the top-left corner, as a data: URL (at most ~500 KB). */
    logo?: string;
    colors?: {
      primary?: string;
      text?: string;
    };
    /** Text drawn faintly over every frame. */
    watermark?: string;
    product_name?: string;
  };
  /** Receives a signed POST when the animation completes or fails. */
  webhook_url?: string;
  /** Queue priority. */
  priority?: 'low' | 'normal' | 'high';
};
export type PostApiV1AnimationsGenerateResponse = {
  id: string;
  status: 'queued';
  /** ISO 8601 date-time */
  estimated_completion: string;
  /** Related URLs: self, events, video, poster, captions, scene, cancel, rerender. */
  links: Record<string, string>;
};

// POST /api/v1/enterprise/animations/generate: The same call as POST /animations/generate (enterprise API path).
export type PostApiV1EnterpriseAnimationsGenerateBody = {
  /** What to animate, in plain words (at most analysis.maxDescriptionLength characters, 2000 by default). */
  description: string;
  /** Visual style; default: the template's own. */
  style?: 'mathematical' | 'algorithmic' | 'scientific' | 'corporate_training';
  /** Output resolution; default: render.defaultResolution (1080p unless configured), capped at the license's highest quality. Asking for more than the license allows is refused with 403 license-limit. */
  quality?: '720p' | '1080p' | '4k';
  /** The frame's shape: 16:9 (the default), 9:16 (phones), 1:1 or 4:3. The quality names the short side: 720p at 9:16 is 720×1280. Every template lays itself out for the shape, inside the 5% title-safe margin. */
  aspect?: '16:9' | '9:16' | '1:1' | '4:3';
  /** Length in seconds (at most render.maxDurationS, 600 by default); default: the template's natural length. */
  duration?: number;
  /** Frame rate; default render.defaultFps. */
  fps?: 24 | 30 | 60;
  /** Where the narration shows: burn_in draws it in the frame (the .vtt is still written, for players and screen readers); sidecar leaves the frame clean and writes only the .vtt; both is the same as burn_in. */
  captions?: 'burn_in' | 'sidecar' | 'both';
  /** A voice that speaks the narration, mixed into the MP4 as AAC: a name from GET /voices (espeak-ng voices, e.g. "en-us"), or "off" (the default) for no sound. An unknown name is answered with 422 and the list. */
  voice?: string;
  /** Template ids the caller thinks fit (hints). */
  templates?: Array<string>;
  /** Use this template, skipping recognition. */
  template?: string;
  /** Explicit params for `template` (see GET /templates). */
  params?: Record<string, unknown>;
  /** What to do with a description that was not understood: by default it is answered with 422 urn:devforge:problem:not-understood and the closest templates; "title_card" renders its words as a title card instead (said in the warnings). A description missing its data (needs) is still a 422. */
  fallback?: 'title_card';
  /** Branding drawn over the animation. */
  custom_branding?: {
    /** Logo drawn in the top-left corner, as a data: URL (at most ~500 KB). */
    logo?: string;
    colors?: {
      primary?: string;
      text?: string;
    };
    /** Text drawn faintly over every frame. */
    watermark?: string;
    product_name?: string;
  };
  /** Receives a signed POST when the animation completes or fails. */
  webhook_url?: string;
  /** Queue priority. */
  priority?: 'low' | 'normal' | 'high';
};
export type PostApiV1EnterpriseAnimationsGenerateResponse = {
  id: string;
  status: 'queued';
  /** ISO 8601 date-time */
  estimated_completion: string;
  /** Related URLs: self, events, video, poster, captions, scene, cancel, rerender. */
  links: Record<string, string>;
};

// GET /api/v1/animations: Your animations, newest first, paged with a cursor; filters: status, template, batch_id, q.
export type GetApiV1AnimationsQuery = {
  status?: 'queued' | 'processing' | 'completed' | 'failed' | 'cancelled';
  template?: string;
  batch_id?: string;
  /** Text the description or the title contains. */
  q?: string;
  /** Whose: me (yours), shared (others' shared with you or one of your IdP groups, or open to everyone signed in), me-or-shared (both, the default), all (every user's; admins only). */
  owner?: 'me' | 'shared' | 'me-or-shared' | 'all';
  limit?: number;
  /** next_cursor of the previous page. */
  cursor?: string;
};
export type GetApiV1AnimationsResponse = {
  animations: Array<{
    id: string;
    status: 'queued' | 'processing' | 'completed' | 'failed' | 'cancelled';
    progress: number;
    error: string | null;
    description: string;
    /** Its name in the library, set with PUT /animations/{id}/title; null: untitled (show the description). */
    title: string | null;
    style: string;
    quality: '720p' | '1080p' | '4k';
    fps: number;
    duration: number;
    template: string;
    params: Record<string, unknown>;
    facts: Record<string, unknown>;
    confidence: number | null;
    warnings: Array<string>;
    batch_id: string | null;
    client_id: string | null;
    attempts: number;
    generation: number;
    /** Anyone signed in may view it (PATCH /animations/{id} sets it). */
    org_visible: boolean;
    outputs: {
      video_bytes: number;
      poster_bytes: number;
      captions_bytes: number;
      width: number;
      height: number;
      frames: number;
      render_seconds: number;
    } | null;
    /** ISO 8601 date-time */
    created_at: string;
    /** ISO 8601 date-time */
    updated_at: string;
    started_at: string | null;
    completed_at: string | null;
    estimated_completion: string | null;
    /** Related URLs: self, events, video, poster, captions, scene, cancel, rerender. */
    links: Record<string, string>;
  }>;
  next_cursor: string | null;
};

// GET /api/v1/animations/{id}: One animation: status, progress, error, facts, outputs, links.
export type GetApiV1AnimationsIdParams = {
  id: string;
};
export type GetApiV1AnimationsIdResponse = {
  id: string;
  status: 'queued' | 'processing' | 'completed' | 'failed' | 'cancelled';
  progress: number;
  error: string | null;
  description: string;
  /** Its name in the library, set with PUT /animations/{id}/title; null: untitled (show the description). */
  title: string | null;
  style: string;
  quality: '720p' | '1080p' | '4k';
  fps: number;
  duration: number;
  template: string;
  params: Record<string, unknown>;
  facts: Record<string, unknown>;
  confidence: number | null;
  warnings: Array<string>;
  batch_id: string | null;
  client_id: string | null;
  attempts: number;
  generation: number;
  /** Anyone signed in may view it (PATCH /animations/{id} sets it). */
  org_visible: boolean;
  outputs: {
    video_bytes: number;
    poster_bytes: number;
    captions_bytes: number;
    width: number;
    height: number;
    frames: number;
    render_seconds: number;
  } | null;
  /** ISO 8601 date-time */
  created_at: string;
  /** ISO 8601 date-time */
  updated_at: string;
  started_at: string | null;
  completed_at: string | null;
  estimated_completion: string | null;
  /** Related URLs: self, events, video, poster, captions, scene, cancel, rerender. */
  links: Record<string, string>;
};

// DELETE /api/v1/animations/{id}: Delete an animation and its files (a running render is stopped).
export type DeleteApiV1AnimationsIdParams = {
  id: string;
};

// PATCH /api/v1/animations/{id}: Change an animation: org_visible (anyone signed in can view it, read-only). Owner and admins.
export type PatchApiV1AnimationsIdParams = {
  id: string;
};
export type PatchApiV1AnimationsIdBody = {
  /** true: anyone signed in can view it and its files; false: only its owner, admins and those it is shared with. */
  org_visible: boolean;
};
export type PatchApiV1AnimationsIdResponse = {
  id: string;
  status: 'queued' | 'processing' | 'completed' | 'failed' | 'cancelled';
  progress: number;
  error: string | null;
  description: string;
  /** Its name in the library, set with PUT /animations/{id}/title; null: untitled (show the description). */
  title: string | null;
  style: string;
  quality: '720p' | '1080p' | '4k';
  fps: number;
  duration: number;
  template: string;
  params: Record<string, unknown>;
  facts: Record<string, unknown>;
  confidence: number | null;
  warnings: Array<string>;
  batch_id: string | null;
  client_id: string | null;
  attempts: number;
  generation: number;
  /** Anyone signed in may view it (PATCH /animations/{id} sets it). */
  org_visible: boolean;
  outputs: {
    video_bytes: number;
    poster_bytes: number;
    captions_bytes: number;
    width: number;
    height: number;
    frames: number;
    render_seconds: number;
  } | null;
  /** ISO 8601 date-time */
  created_at: string;
  /** ISO 8601 date-time */
  updated_at: string;
  started_at: string | null;
  completed_at: string | null;
  estimated_completion: string | null;
  /** Related URLs: self, events, video, poster, captions, scene, cancel, rerender. */
  links: Record<string, string>;
};

// PUT /api/v1/animations/{id}/title: Name an animation in the library (its description and files do not change); null makes it untitled.
export type PutApiV1AnimationsIdTitleParams = {
  id: string;
};
export type PutApiV1AnimationsIdTitleBody = {
  title: string | null;
};
export type PutApiV1AnimationsIdTitleResponse = {
  id: string;
  status: 'queued' | 'processing' | 'completed' | 'failed' | 'cancelled';
  progress: number;
  error: string | null;
  description: string;
  /** Its name in the library, set with PUT /animations/{id}/title; null: untitled (show the description). */
  title: string | null;
  style: string;
  quality: '720p' | '1080p' | '4k';
  fps: number;
  duration: number;
  template: string;
  params: Record<string, unknown>;
  facts: Record<string, unknown>;
  confidence: number | null;
  warnings: Array<string>;
  batch_id: string | null;
  client_id: string | null;
  attempts: number;
  generation: number;
  /** Anyone signed in may view it (PATCH /animations/{id} sets it). */
  org_visible: boolean;
  outputs: {
    video_bytes: number;
    poster_bytes: number;
    captions_bytes: number;
    width: number;
    height: number;
    frames: number;
    render_seconds: number;
  } | null;
  /** ISO 8601 date-time */
  created_at: string;
  /** ISO 8601 date-time */
  updated_at: string;
  started_at: string | null;
  completed_at: string | null;
  estimated_completion: string | null;
  /** Related URLs: self, events, video, poster, captions, scene, cancel, rerender. */
  links: Record<string, string>;
};

// POST /api/v1/animations/{id}/cancel: Cancel a queued or running render.
export type PostApiV1AnimationsIdCancelParams = {
  id: string;
};
export type PostApiV1AnimationsIdCancelResponse = {
  id: string;
  status: 'queued' | 'processing' | 'completed' | 'failed' | 'cancelled';
  progress: number;
  error: string | null;
  description: string;
  /** Its name in the library, set with PUT /animations/{id}/title; null: untitled (show the description). */
  title: string | null;
  style: string;
  quality: '720p' | '1080p' | '4k';
  fps: number;
  duration: number;
  template: string;
  params: Record<string, unknown>;
  facts: Record<string, unknown>;
  confidence: number | null;
  warnings: Array<string>;
  batch_id: string | null;
  client_id: string | null;
  attempts: number;
  generation: number;
  /** Anyone signed in may view it (PATCH /animations/{id} sets it). */
  org_visible: boolean;
  outputs: {
    video_bytes: number;
    poster_bytes: number;
    captions_bytes: number;
    width: number;
    height: number;
    frames: number;
    render_seconds: number;
  } | null;
  /** ISO 8601 date-time */
  created_at: string;
  /** ISO 8601 date-time */
  updated_at: string;
  started_at: string | null;
  completed_at: string | null;
  estimated_completion: string | null;
  /** Related URLs: self, events, video, poster, captions, scene, cancel, rerender. */
  links: Record<string, string>;
};

// POST /api/v1/animations/{id}/rerender: Render a finished animation again from its stored scene spec.
export type PostApiV1AnimationsIdRerenderParams = {
  id: string;
};
export type PostApiV1AnimationsIdRerenderResponse = {
  id: string;
  status: 'queued' | 'processing' | 'completed' | 'failed' | 'cancelled';
  progress: number;
  error: string | null;
  description: string;
  /** Its name in the library, set with PUT /animations/{id}/title; null: untitled (show the description). */
  title: string | null;
  style: string;
  quality: '720p' | '1080p' | '4k';
  fps: number;
  duration: number;
  template: string;
  params: Record<string, unknown>;
  facts: Record<string, unknown>;
  confidence: number | null;
  warnings: Array<string>;
  batch_id: string | null;
  client_id: string | null;
  attempts: number;
  generation: number;
  /** Anyone signed in may view it (PATCH /animations/{id} sets it). */
  org_visible: boolean;
  outputs: {
    video_bytes: number;
    poster_bytes: number;
    captions_bytes: number;
    width: number;
    height: number;
    frames: number;
    render_seconds: number;
  } | null;
  /** ISO 8601 date-time */
  created_at: string;
  /** ISO 8601 date-time */
  updated_at: string;
  started_at: string | null;
  completed_at: string | null;
  estimated_completion: string | null;
  /** Related URLs: self, events, video, poster, captions, scene, cancel, rerender. */
  links: Record<string, string>;
};

// GET /api/v1/animations/{id}/shares: Who the animation is shared with, and whether anyone signed in can view it (owner and admins).
export type GetApiV1AnimationsIdSharesParams = {
  id: string;
};
export type GetApiV1AnimationsIdSharesResponse = {
  animation_id: string;
  org_visible: boolean;
  shares: Array<
    | {
        kind: 'user';
        user: {
          id: string;
          email: string;
          name: string;
        };
        access: 'read' | 'write';
        granted_by: string | null;
        granted_at: string;
      }
    | {
        kind: 'group';
        group: string;
        access: 'read' | 'write';
        granted_by: string | null;
        granted_at: string;
      }
  >;
};

// PUT /api/v1/animations/{id}/shares: Share the animation with a user or an IdP group, read or write (again: change their access).
export type PutApiV1AnimationsIdSharesParams = {
  id: string;
};
export type PutApiV1AnimationsIdSharesBody = {
  /** The e-mail address or id of a DevForge account. */
  user?: string;
  /** An IdP group name, as the groups claim (auth.oidc.groupsClaim) names it; a leading / is dropped. */
  group?: string;
  /** read: view it and its files; write: also cancel and re-render (only for editors: a viewer stays read-only). */
  access: 'read' | 'write';
};
export type PutApiV1AnimationsIdSharesResponse = {
  animation_id: string;
  org_visible: boolean;
  shares: Array<
    | {
        kind: 'user';
        user: {
          id: string;
          email: string;
          name: string;
        };
        access: 'read' | 'write';
        granted_by: string | null;
        granted_at: string;
      }
    | {
        kind: 'group';
        group: string;
        access: 'read' | 'write';
        granted_by: string | null;
        granted_at: string;
      }
  >;
};

// DELETE /api/v1/animations/{id}/shares: Stop sharing the animation with a user (?user=) or an IdP group (?group=).
export type DeleteApiV1AnimationsIdSharesParams = {
  id: string;
};
export type DeleteApiV1AnimationsIdSharesQuery = {
  /** The e-mail address or id of a DevForge account. */
  user?: string;
  /** An IdP group name, as the groups claim (auth.oidc.groupsClaim) names it; a leading / is dropped. */
  group?: string;
};

// GET /api/v1/animations/{id}/events: Progress as Server-Sent Events (text/event-stream): `status` (the animation), `progress` ({status, progress}), `deleted`; ends when the animation has finished.
export type GetApiV1AnimationsIdEventsParams = {
  id: string;
};

// GET /api/v1/animations/{id}/video: The MP4 (H.264). Supports Range requests.
export type GetApiV1AnimationsIdVideoParams = {
  id: string;
};
export type GetApiV1AnimationsIdVideoQuery = {
  /** 1: as an attachment (Save as…). */
  download?: '0' | '1' | 'true' | 'false';
};

// GET /api/v1/animations/{id}/poster: The poster frame (PNG).
export type GetApiV1AnimationsIdPosterParams = {
  id: string;
};
export type GetApiV1AnimationsIdPosterQuery = {
  /** 1: as an attachment (Save as…). */
  download?: '0' | '1' | 'true' | 'false';
};

// GET /api/v1/animations/{id}/captions.vtt: The captions (WebVTT).
export type GetApiV1AnimationsIdCaptionsVttParams = {
  id: string;
};
export type GetApiV1AnimationsIdCaptionsVttQuery = {
  /** 1: as an attachment (Save as…). */
  download?: '0' | '1' | 'true' | 'false';
};

// GET /api/v1/animations/{id}/scene: The scene spec the animation renders from (versioned JSON).
export type GetApiV1AnimationsIdSceneParams = {
  id: string;
};
export type GetApiV1AnimationsIdSceneResponse = Record<string, unknown>;

// GET /api/v1/webhooks/deliveries: Your webhook deliveries, newest first, each with its attempt log.
export type GetApiV1WebhooksDeliveriesQuery = {
  animation_id?: string;
  batch_id?: string;
  status?: 'pending' | 'delivered' | 'failed';
  limit?: number;
};
export type GetApiV1WebhooksDeliveriesResponse = {
  deliveries: Array<{
    id: string;
    event: string;
    url: string;
    status: 'pending' | 'delivered' | 'failed';
    attempts: number;
    last_error: string | null;
    animation_id: string | null;
    batch_id: string | null;
    created_at: string;
    delivered_at: string | null;
    payload: Record<string, unknown>;
    attempt_log?: Array<{
      attempt: number;
      status_code: number | null;
      error: string | null;
      duration_ms: number;
      at: string;
    }>;
  }>;
};

// GET /api/v1/webhooks/deliveries/{id}: One delivery with every attempt (status code, error, duration).
export type GetApiV1WebhooksDeliveriesIdParams = {
  id: string;
};
export type GetApiV1WebhooksDeliveriesIdResponse = {
  id: string;
  event: string;
  url: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  last_error: string | null;
  animation_id: string | null;
  batch_id: string | null;
  created_at: string;
  delivered_at: string | null;
  payload: Record<string, unknown>;
  attempt_log?: Array<{
    attempt: number;
    status_code: number | null;
    error: string | null;
    duration_ms: number;
    at: string;
  }>;
};

// POST /api/v1/webhooks/deliveries/{id}/redeliver: Send a delivered or failed delivery again: the same payload to the same URL, signed with the secret in force now, logged as a new attempt.
export type PostApiV1WebhooksDeliveriesIdRedeliverParams = {
  id: string;
};
export type PostApiV1WebhooksDeliveriesIdRedeliverResponse = {
  id: string;
  event: string;
  url: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  last_error: string | null;
  animation_id: string | null;
  batch_id: string | null;
  created_at: string;
  delivered_at: string | null;
  payload: Record<string, unknown>;
  attempt_log?: Array<{
    attempt: number;
    status_code: number | null;
    error: string | null;
    duration_ms: number;
    at: string;
  }>;
};

// GET /api/v1/webhooks/signing-secret: The secret your webhooks are signed with, and how to check a signature.
export type GetApiV1WebhooksSigningSecretResponse = {
  secret: string;
  header: string;
  scheme: string;
  /** Until when deliveries also carry a signature with the secret before the last rotation; null: they do not. */
  previous_valid_until: string | null;
};

// POST /api/v1/webhooks/signing-secret/rotate: Replace your webhook signing secret. The old one keeps signing too (a second v1) until previous_valid_until.
export type PostApiV1WebhooksSigningSecretRotateQuery = {
  /** How long the old secret keeps signing too; default webhooks.secretOverlapHours. 0 when it leaked: it stops at once. */
  overlap_hours?: number;
};
export type PostApiV1WebhooksSigningSecretRotateResponse = {
  secret: string;
  header: string;
  scheme: string;
  /** Until when deliveries also carry a signature with the secret before the last rotation; null: they do not. */
  previous_valid_until: string | null;
};

// GET /api/v1/audit: The audit log, newest first, paged with a cursor; filters: actor, action (or family: auth.*), target_type, target_id, from, to.
export type GetApiV1AuditQuery = {
  /** A user id, or anonymous (failed sign-ins), system (jobs), erased (anonymised). */
  actor?: string;
  /** An action (auth.sign-in) or a family of actions (auth.*). */
  action?: string;
  /** animation, batch, user, api-key. */
  target_type?: string;
  target_id?: string;
  /** Entries at or after this time (ISO 8601). */
  from?: string;
  /** Entries before this time (ISO 8601). */
  to?: string;
  limit?: number;
  /** next_cursor of the previous page. */
  cursor?: string;
};
export type GetApiV1AuditResponse = {
  entries: Array<{
    id: string;
    at: string;
    actor: string;
    actor_label: string;
    via: string;
    api_key_id: string | null;
    ip: string | null;
    user_agent: string | null;
    action: string;
    target: {
      type: string;
      id: string | null;
    } | null;
    details: Record<string, unknown>;
    prev_hash: string;
    hash: string;
  }>;
  next_cursor: string | null;
};

// GET /api/v1/audit/export: The audit log as a download (itself recorded as audit.export), oldest first, streamed: format=jsonl (one entry per line, as the list shows it) or csv (details as JSON text). Same filters as GET /audit.
export type GetApiV1AuditExportQuery = {
  /** A user id, or anonymous (failed sign-ins), system (jobs), erased (anonymised). */
  actor?: string;
  /** An action (auth.sign-in) or a family of actions (auth.*). */
  action?: string;
  /** animation, batch, user, api-key. */
  target_type?: string;
  target_id?: string;
  /** Entries at or after this time (ISO 8601). */
  from?: string;
  /** Entries before this time (ISO 8601). */
  to?: string;
  format?: 'jsonl' | 'csv';
};

// GET /api/v1/license: The license: state, customer, tier, every entitlement, the dates, and this month’s use against each limit.
export type GetApiV1LicenseResponse = {
  /** none (no license: Free), valid, expiring (from the notify date), grace (expired, features on for the grace days), expired or invalid (both: Free limits). */
  state: 'none' | 'valid' | 'expiring' | 'grace' | 'expired' | 'invalid';
  /** Why the license is invalid. */
  reason: string | null;
  banner: {
    audience: 'admins' | 'everyone';
    message: string;
  } | null;
  /** This install: what a vendor binds a license to. */
  install_id: string;
  /** The tier whose limits apply now. */
  effective_tier: 'free' | 'professional' | 'enterprise';
  /** Every entitlement in force now (null on a count: unlimited). */
  entitlements: Record<string, unknown>;
  license: {
    license_id: string;
    customer: string;
    tier: string;
    key_id: string;
    sequence: number;
    not_before: string;
    expires_at: string;
    notify_at: string;
    grace_days: number;
    grace_ends_at: string;
    bound_to_install: string | null;
    issued_at: string;
    installed_at: string;
    installed_via: string;
    entitlements: Record<string, unknown>;
    overrides: Array<string>;
  } | null;
  /** The calendar month (UTC) the usage is for. */
  month: string;
  /** This month against each limit (limit null: unlimited; used null: not metered yet); render_workers: the workers taking render jobs now. */
  usage: Array<{
    entitlement: string;
    limit: number | null;
    used: number | null;
  }>;
  /** The render workers holding a seat now (worker.name, else host:pid): what render_workers counts. */
  workers: Array<string>;
  /** The time the state was decided at (never earlier than any time this install has seen). */
  observed_at: string;
};

// PUT /api/v1/license: Install a license file: send its text as the body (Content-Type text/plain). Applied at once, without a restart.
export type PutApiV1LicenseResponse = {
  /** none (no license: Free), valid, expiring (from the notify date), grace (expired, features on for the grace days), expired or invalid (both: Free limits). */
  state: 'none' | 'valid' | 'expiring' | 'grace' | 'expired' | 'invalid';
  /** Why the license is invalid. */
  reason: string | null;
  banner: {
    audience: 'admins' | 'everyone';
    message: string;
  } | null;
  /** This install: what a vendor binds a license to. */
  install_id: string;
  /** The tier whose limits apply now. */
  effective_tier: 'free' | 'professional' | 'enterprise';
  /** Every entitlement in force now (null on a count: unlimited). */
  entitlements: Record<string, unknown>;
  license: {
    license_id: string;
    customer: string;
    tier: string;
    key_id: string;
    sequence: number;
    not_before: string;
    expires_at: string;
    notify_at: string;
    grace_days: number;
    grace_ends_at: string;
    bound_to_install: string | null;
    issued_at: string;
    installed_at: string;
    installed_via: string;
    entitlements: Record<string, unknown>;
    overrides: Array<string>;
  } | null;
  /** The calendar month (UTC) the usage is for. */
  month: string;
  /** This month against each limit (limit null: unlimited; used null: not metered yet); render_workers: the workers taking render jobs now. */
  usage: Array<{
    entitlement: string;
    limit: number | null;
    used: number | null;
  }>;
  /** The render workers holding a seat now (worker.name, else host:pid): what render_workers counts. */
  workers: Array<string>;
  /** The time the state was decided at (never earlier than any time this install has seen). */
  observed_at: string;
};

// POST /api/v1/license/renewal-request: Make a renewal request file for the vendor (as `devforge license request` does): this install, the license in force and this month’s use, signed with the install’s key. A download.

// GET /api/v1/usage: Animations accepted, API calls (api_calls: with API keys; session_calls: in the browser or with a single sign-on token), render seconds per worker and GPU in one calendar month (UTC), and storage held now; in total, per user and per key. Administrators see everyone, anyone else their own use.
export type GetApiV1UsageQuery = {
  /** The calendar month (UTC) as YYYY-MM; default: this month. */
  month?: string;
};
export type GetApiV1UsageResponse = {
  month: string;
  from: string;
  to: string;
  storage_as_of: string;
  scope: 'all' | 'own';
  totals: {
    animations_accepted: number;
    /** Calls with API keys and bearer service tokens: what api_calls_per_month counts. */
    api_calls: number;
    /** The web app’s own calls (browser sessions): counted, never against a quota. */
    session_calls: number;
    /** Animations submitted with sandbox keys: counted against no quota. */
    sandbox_animations: number;
    /** Calls made with sandbox keys: counted against no quota. */
    sandbox_calls: number;
    renders: number;
    render_seconds: number;
    storage_bytes: number;
  };
  users: Array<{
    user_id: string;
    email: string | null;
    animations_accepted: number;
    /** Calls with API keys and bearer service tokens: what api_calls_per_month counts. */
    api_calls: number;
    /** The web app’s own calls (browser sessions): counted, never against a quota. */
    session_calls: number;
    /** Animations submitted with sandbox keys: counted against no quota. */
    sandbox_animations: number;
    /** Calls made with sandbox keys: counted against no quota. */
    sandbox_calls: number;
    renders: number;
    render_seconds: number;
    storage_bytes: number;
  }>;
  keys: Array<{
    key_id: string;
    name: string | null;
    user_id: string | null;
    animations_accepted: number;
    /** Calls with API keys and bearer service tokens: what api_calls_per_month counts. */
    api_calls: number;
    /** Animations submitted with sandbox keys: counted against no quota. */
    sandbox_animations: number;
    /** Calls made with sandbox keys: counted against no quota. */
    sandbox_calls: number;
    renders: number;
    render_seconds: number;
    storage_bytes: number;
  }>;
  workers: Array<{
    worker: string;
    renders: number;
    render_seconds: number;
  }>;
  gpus: Array<{
    gpu: string;
    renders: number;
    render_seconds: number;
  }>;
};

// GET /api/v1/usage.csv: Animations accepted, API calls (api_calls: with API keys; session_calls: in the browser or with a single sign-on token), render seconds per worker and GPU in one calendar month (UTC), and storage held now; in total, per user and per key. Administrators see everyone, anyone else their own use. As CSV (streamed): one row per total, user, key, worker and GPU; the section column says which.
export type GetApiV1UsageCsvQuery = {
  /** The calendar month (UTC) as YYYY-MM; default: this month. */
  month?: string;
};

// GET /api/v1/system: The appliance: version, GPUs and encoder found, workers and what each renders now, queue depth by state, storage, database and health.
export type GetApiV1SystemResponse = {
  version: string;
  node: string;
  process: {
    role: string;
    /** Renders this process runs at once (0: it runs no worker). */
    concurrency: number;
    uptime_s: number;
  };
  gpus: {
    gpus: Array<{
      index: number;
      uuid: string;
      name: string;
      driver_version: string;
      memory_total_mib: number;
      memory_used_mib: number;
      memory_free_mib: number;
      utilization_pct: number | null;
    }>;
    gpu_present: boolean;
    chromium_gpu: boolean;
    encoder: {
      name: string;
      hardware: boolean;
      reason: string;
    };
    error?: string;
  };
  workers: Array<{
    worker: string;
    rendering: Array<{
      animation_id: string;
      description: string;
      progress: number;
      started_at: string | null;
    }>;
    renders_30d: number;
    last_render_at: string | null;
  }>;
  /** pg-boss jobs per queue and state (created, retry, active, completed, cancelled, failed). */
  queue: Array<{
    queue: string;
    state: string;
    jobs: number;
  }>;
  storage: {
    kind: 'local' | 's3';
    location: string;
    reachable: boolean;
    error: string | null;
  };
  database: {
    version: string;
    size_bytes: number;
  };
  health: {
    ok: boolean;
    checks: Record<
      string,
      {
        ok: boolean;
        error?: string;
        ms: number;
      }
    >;
  };
};

// GET /api/v1/sso: The single sign-on (OpenID Connect) settings in force: issuer, client id, scopes, role mapping, redirect URI. Secrets are never shown.
export type GetApiV1SsoResponse = {
  /** Whether auth.oidc.issuer is set. */
  configured: boolean;
  issuer: string | null;
  client_id: string | null;
  /** Never the secret itself. */
  client_secret: 'set' | 'not set';
  scopes: Array<string>;
  /** Register this at the identity provider. */
  redirect_uri: string;
  sign_in_url: string;
  display_name: string;
  local_login: boolean;
  role_claim: string;
  role_map: Array<{
    idp: string;
    role: string;
  }>;
  default_role: string;
  groups_claim: string;
  audience: string;
  /** Whether this process has read the issuer’s discovery document. */
  discovered: boolean;
  discovery_error: string | null;
};

// POST /api/v1/sso/test: Ask the identity provider for its discovery document now and say what it answered (ok: false with the reason in words when it did not).
export type PostApiV1SsoTestResponse = {
  ok: boolean;
  issuer: string;
  /** What was found, or what went wrong and what to check, in words. */
  message: string;
  checked_at: string;
  endpoints: {
    authorization: string | null;
    token: string | null;
    userinfo: string | null;
    jwks: string | null;
    end_session: string | null;
  } | null;
};

// GET /api/v1/branding: The organisation’s branding and white-label settings in force (the web app draws its UI with them).
export type GetApiV1BrandingResponse = {
  /** The organisation’s name, shown beside the product name. Every tier. */
  name?: string;
  /** The logo as a data: URL. Needs custom_branding (Enterprise). */
  logo?: string;
  /** Brand colours as #rrggbb. Needs custom_branding (Enterprise). */
  colors?: {
    primary: string;
    text: string;
  };
  /** A font family installed on the viewers’ machines. Needs custom_branding (Enterprise). */
  font?: string;
  /** Text drawn on the organisation’s videos when the license has no watermark of its own. Every tier. */
  watermark?: string;
  /** White label: what the UI calls the product instead of DevForge. Needs white_label (Enterprise). */
  product_name?: string;
  /** White label: the favicon as a data: URL. Needs white_label (Enterprise). */
  favicon?: string;
  /** White label: no DevForge name or mark anywhere in the UI. true needs white_label (Enterprise). */
  hide_devforge_name?: boolean;
  /** Stored fields the license in force does not include (left out above; kept for when it does again). */
  withheld: Array<string>;
  updated_at: string | null;
};

// PUT /api/v1/branding: Replace the organisation’s branding settings (fields left out are cleared).
export type PutApiV1BrandingBody = {
  /** The organisation’s name, shown beside the product name. Every tier. */
  name?: string;
  /** The logo as a data: URL. Needs custom_branding (Enterprise). */
  logo?: string;
  /** Brand colours as #rrggbb. Needs custom_branding (Enterprise). */
  colors?: {
    primary: string;
    text: string;
  };
  /** A font family installed on the viewers’ machines. Needs custom_branding (Enterprise). */
  font?: string;
  /** Text drawn on the organisation’s videos when the license has no watermark of its own. Every tier. */
  watermark?: string;
  /** White label: what the UI calls the product instead of DevForge. Needs white_label (Enterprise). */
  product_name?: string;
  /** White label: the favicon as a data: URL. Needs white_label (Enterprise). */
  favicon?: string;
  /** White label: no DevForge name or mark anywhere in the UI. true needs white_label (Enterprise). */
  hide_devforge_name?: boolean;
};
export type PutApiV1BrandingResponse = {
  /** The organisation’s name, shown beside the product name. Every tier. */
  name?: string;
  /** The logo as a data: URL. Needs custom_branding (Enterprise). */
  logo?: string;
  /** Brand colours as #rrggbb. Needs custom_branding (Enterprise). */
  colors?: {
    primary: string;
    text: string;
  };
  /** A font family installed on the viewers’ machines. Needs custom_branding (Enterprise). */
  font?: string;
  /** Text drawn on the organisation’s videos when the license has no watermark of its own. Every tier. */
  watermark?: string;
  /** White label: what the UI calls the product instead of DevForge. Needs white_label (Enterprise). */
  product_name?: string;
  /** White label: the favicon as a data: URL. Needs white_label (Enterprise). */
  favicon?: string;
  /** White label: no DevForge name or mark anywhere in the UI. true needs white_label (Enterprise). */
  hide_devforge_name?: boolean;
  /** Stored fields the license in force does not include (left out above; kept for when it does again). */
  withheld: Array<string>;
  updated_at: string | null;
};

// GET /api/v1/branding/public: How the signed-out pages look (sign-in): name, logo, colours, product name, favicon, hide_devforge_name. No credentials needed.
export type GetApiV1BrandingPublicResponse = {
  /** The organisation’s name, shown beside the product name. Every tier. */
  name?: string;
  /** The logo as a data: URL. Needs custom_branding (Enterprise). */
  logo?: string;
  /** Brand colours as #rrggbb. Needs custom_branding (Enterprise). */
  colors?: {
    primary: string;
    text: string;
  };
  /** White label: what the UI calls the product instead of DevForge. Needs white_label (Enterprise). */
  product_name?: string;
  /** White label: the favicon as a data: URL. Needs white_label (Enterprise). */
  favicon?: string;
  /** White label: no DevForge name or mark anywhere in the UI. true needs white_label (Enterprise). */
  hide_devforge_name?: boolean;
};

// GET /api/v1/lti/platforms: The learning platforms (LMS) registered to launch DevForge over LTI 1.3.
export type GetApiV1LtiPlatformsResponse = {
  platforms: Array<{
    id: string;
    name: string;
    issuer: string;
    client_id: string;
    deployment_ids: Array<string>;
    auth_url: string;
    jwks_url: string;
    trust_email: boolean;
    /** ISO 8601 date-time */
    created_at: string;
    /** ISO 8601 date-time */
    updated_at: string;
  }>;
};

// POST /api/v1/lti/platforms: Register a learning platform: its issuer, the client id it gave DevForge, its deployment ids, OIDC auth URL and key set URL.
export type PostApiV1LtiPlatformsBody = {
  /** A label for people (Moodle at Example University). */
  name?: string;
  /** The platform ID (iss) the LMS shows for this tool: Moodle’s site address; Canvas’s canvas.instructure.com address. */
  issuer: string;
  /** The client ID the LMS generated for this tool. */
  client_id: string;
  deployment_ids: Array<string>;
  /** The platform’s OIDC authentication request URL (Moodle: …/mod/lti/auth.php; Canvas: sso.canvaslms.com/api/lti/authorize_redirect). */
  auth_url: string;
  /** The platform’s public keyset URL (Moodle: …/mod/lti/certs.php; Canvas: sso.canvaslms.com/api/lti/security/jwks). */
  jwks_url: string;
  /** Let the platform’s e-mail address bind an existing DevForge account with the same address (default false: such a launch is refused). */
  trust_email?: boolean;
};
export type PostApiV1LtiPlatformsResponse = {
  id: string;
  name: string;
  issuer: string;
  client_id: string;
  deployment_ids: Array<string>;
  auth_url: string;
  jwks_url: string;
  trust_email: boolean;
  /** ISO 8601 date-time */
  created_at: string;
  /** ISO 8601 date-time */
  updated_at: string;
};

// GET /api/v1/lti/platforms/{id}: One registered learning platform.
export type GetApiV1LtiPlatformsIdParams = {
  id: string;
};
export type GetApiV1LtiPlatformsIdResponse = {
  id: string;
  name: string;
  issuer: string;
  client_id: string;
  deployment_ids: Array<string>;
  auth_url: string;
  jwks_url: string;
  trust_email: boolean;
  /** ISO 8601 date-time */
  created_at: string;
  /** ISO 8601 date-time */
  updated_at: string;
};

// PUT /api/v1/lti/platforms/{id}: Replace a platform registration (all fields, as for registering).
export type PutApiV1LtiPlatformsIdParams = {
  id: string;
};
export type PutApiV1LtiPlatformsIdBody = {
  /** A label for people (Moodle at Example University). */
  name?: string;
  /** The platform ID (iss) the LMS shows for this tool: Moodle’s site address; Canvas’s canvas.instructure.com address. */
  issuer: string;
  /** The client ID the LMS generated for this tool. */
  client_id: string;
  deployment_ids: Array<string>;
  /** The platform’s OIDC authentication request URL (Moodle: …/mod/lti/auth.php; Canvas: sso.canvaslms.com/api/lti/authorize_redirect). */
  auth_url: string;
  /** The platform’s public keyset URL (Moodle: …/mod/lti/certs.php; Canvas: sso.canvaslms.com/api/lti/security/jwks). */
  jwks_url: string;
  /** Let the platform’s e-mail address bind an existing DevForge account with the same address (default false: such a launch is refused). */
  trust_email?: boolean;
};
export type PutApiV1LtiPlatformsIdResponse = {
  id: string;
  name: string;
  issuer: string;
  client_id: string;
  deployment_ids: Array<string>;
  auth_url: string;
  jwks_url: string;
  trust_email: boolean;
  /** ISO 8601 date-time */
  created_at: string;
  /** ISO 8601 date-time */
  updated_at: string;
};

// DELETE /api/v1/lti/platforms/{id}: Remove a platform: its launches are refused from now on (accounts made by its launches stay).
export type DeleteApiV1LtiPlatformsIdParams = {
  id: string;
};

// GET /api/v1/lti/tool: The tool’s URLs to paste into the LMS (login, launch, deep linking, key set) and its published signing keys.
export type GetApiV1LtiToolResponse = {
  /** Initiate login URL (OpenID Connect login initiation). */
  login_url: string;
  /** Redirect URI and target link URI of resource links. */
  launch_url: string;
  /** Deep linking (content selection) URL. */
  deep_linking_url: string;
  /** The tool’s public keyset URL. */
  jwks_url: string;
  keys: Array<{
    kid: string;
    /** ISO 8601 date-time */
    created_at: string;
    /** When a rotated-out key stops being published; null: the current key. */
    retire_at: string | null;
  }>;
};

// POST /api/v1/lti/tool/keys/rotate: Make a new tool signing key; the previous one stays published at /lti/jwks for lti.keyOverlapHours.
export type PostApiV1LtiToolKeysRotateResponse = {
  kid: string;
  retiring: Array<string>;
  overlap_hours: number;
};

/** Every operation by its operationId: method, path and the types above. */
export interface Operations {
  postApiV1AuthLogin: { method: 'post'; path: '/api/v1/auth/login'; body: PostApiV1AuthLoginBody; response: PostApiV1AuthLoginResponse };
  postApiV1AuthLogout: { method: 'post'; path: '/api/v1/auth/logout'; response: PostApiV1AuthLogoutResponse };
  getApiV1Me: { method: 'get'; path: '/api/v1/me'; response: GetApiV1MeResponse };
  postApiV1MePassword: { method: 'post'; path: '/api/v1/me/password'; body: PostApiV1MePasswordBody };
  getApiV1MeSessions: { method: 'get'; path: '/api/v1/me/sessions'; response: GetApiV1MeSessionsResponse };
  deleteApiV1MeSessionsId: { method: 'delete'; path: '/api/v1/me/sessions/{id}'; params: DeleteApiV1MeSessionsIdParams };
  postApiV1ApiKeys: { method: 'post'; path: '/api/v1/api-keys'; body: PostApiV1ApiKeysBody; response: PostApiV1ApiKeysResponse };
  getApiV1ApiKeys: { method: 'get'; path: '/api/v1/api-keys'; query: GetApiV1ApiKeysQuery; response: GetApiV1ApiKeysResponse };
  putApiV1ApiKeysIdAllowedOrigins: {
    method: 'put';
    path: '/api/v1/api-keys/{id}/allowed-origins';
    params: PutApiV1ApiKeysIdAllowedOriginsParams;
    body: PutApiV1ApiKeysIdAllowedOriginsBody;
    response: PutApiV1ApiKeysIdAllowedOriginsResponse;
  };
  deleteApiV1ApiKeysId: { method: 'delete'; path: '/api/v1/api-keys/{id}'; params: DeleteApiV1ApiKeysIdParams };
  postApiV1Users: { method: 'post'; path: '/api/v1/users'; body: PostApiV1UsersBody; response: PostApiV1UsersResponse };
  getApiV1Users: { method: 'get'; path: '/api/v1/users'; response: GetApiV1UsersResponse };
  patchApiV1UsersId: { method: 'patch'; path: '/api/v1/users/{id}'; params: PatchApiV1UsersIdParams; body: PatchApiV1UsersIdBody; response: PatchApiV1UsersIdResponse };
  deleteApiV1UsersId: { method: 'delete'; path: '/api/v1/users/{id}'; params: DeleteApiV1UsersIdParams; query: DeleteApiV1UsersIdQuery; response: DeleteApiV1UsersIdResponse };
  deleteApiV1UsersIdSessions: { method: 'delete'; path: '/api/v1/users/{id}/sessions'; params: DeleteApiV1UsersIdSessionsParams; response: DeleteApiV1UsersIdSessionsResponse };
  getApiV1MeExport: { method: 'get'; path: '/api/v1/me/export' };
  getApiV1UsersIdExport: { method: 'get'; path: '/api/v1/users/{id}/export'; params: GetApiV1UsersIdExportParams };
  postApiV1Analyze: { method: 'post'; path: '/api/v1/analyze'; body: PostApiV1AnalyzeBody; response: PostApiV1AnalyzeResponse };
  getApiV1Templates: { method: 'get'; path: '/api/v1/templates'; response: GetApiV1TemplatesResponse };
  getApiV1Voices: { method: 'get'; path: '/api/v1/voices'; response: GetApiV1VoicesResponse };
  postApiV1ScenesPreview: { method: 'post'; path: '/api/v1/scenes/preview'; body: PostApiV1ScenesPreviewBody; response: PostApiV1ScenesPreviewResponse };
  postApiV1ScenesPreviewNarration: { method: 'post'; path: '/api/v1/scenes/preview/narration'; body: PostApiV1ScenesPreviewNarrationBody };
  postApiV1AnimationsBatch: { method: 'post'; path: '/api/v1/animations/batch'; body: PostApiV1AnimationsBatchBody; response: PostApiV1AnimationsBatchResponse };
  getApiV1BatchesId: { method: 'get'; path: '/api/v1/batches/{id}'; params: GetApiV1BatchesIdParams; response: GetApiV1BatchesIdResponse };
  postApiV1AnimationsGenerate: { method: 'post'; path: '/api/v1/animations/generate'; body: PostApiV1AnimationsGenerateBody; response: PostApiV1AnimationsGenerateResponse };
  postApiV1EnterpriseAnimationsGenerate: { method: 'post'; path: '/api/v1/enterprise/animations/generate'; body: PostApiV1EnterpriseAnimationsGenerateBody; response: PostApiV1EnterpriseAnimationsGenerateResponse };
  getApiV1Animations: { method: 'get'; path: '/api/v1/animations'; query: GetApiV1AnimationsQuery; response: GetApiV1AnimationsResponse };
  getApiV1AnimationsId: { method: 'get'; path: '/api/v1/animations/{id}'; params: GetApiV1AnimationsIdParams; response: GetApiV1AnimationsIdResponse };
  deleteApiV1AnimationsId: { method: 'delete'; path: '/api/v1/animations/{id}'; params: DeleteApiV1AnimationsIdParams };
  patchApiV1AnimationsId: { method: 'patch'; path: '/api/v1/animations/{id}'; params: PatchApiV1AnimationsIdParams; body: PatchApiV1AnimationsIdBody; response: PatchApiV1AnimationsIdResponse };
  putApiV1AnimationsIdTitle: { method: 'put'; path: '/api/v1/animations/{id}/title'; params: PutApiV1AnimationsIdTitleParams; body: PutApiV1AnimationsIdTitleBody; response: PutApiV1AnimationsIdTitleResponse };
  postApiV1AnimationsIdCancel: { method: 'post'; path: '/api/v1/animations/{id}/cancel'; params: PostApiV1AnimationsIdCancelParams; response: PostApiV1AnimationsIdCancelResponse };
  postApiV1AnimationsIdRerender: { method: 'post'; path: '/api/v1/animations/{id}/rerender'; params: PostApiV1AnimationsIdRerenderParams; response: PostApiV1AnimationsIdRerenderResponse };
  getApiV1AnimationsIdShares: { method: 'get'; path: '/api/v1/animations/{id}/shares'; params: GetApiV1AnimationsIdSharesParams; response: GetApiV1AnimationsIdSharesResponse };
  putApiV1AnimationsIdShares: { method: 'put'; path: '/api/v1/animations/{id}/shares'; params: PutApiV1AnimationsIdSharesParams; body: PutApiV1AnimationsIdSharesBody; response: PutApiV1AnimationsIdSharesResponse };
  deleteApiV1AnimationsIdShares: { method: 'delete'; path: '/api/v1/animations/{id}/shares'; params: DeleteApiV1AnimationsIdSharesParams; query: DeleteApiV1AnimationsIdSharesQuery };
  getApiV1AnimationsIdEvents: { method: 'get'; path: '/api/v1/animations/{id}/events'; params: GetApiV1AnimationsIdEventsParams };
  getApiV1AnimationsIdVideo: { method: 'get'; path: '/api/v1/animations/{id}/video'; params: GetApiV1AnimationsIdVideoParams; query: GetApiV1AnimationsIdVideoQuery };
  getApiV1AnimationsIdPoster: { method: 'get'; path: '/api/v1/animations/{id}/poster'; params: GetApiV1AnimationsIdPosterParams; query: GetApiV1AnimationsIdPosterQuery };
  getApiV1AnimationsIdCaptionsVtt: { method: 'get'; path: '/api/v1/animations/{id}/captions.vtt'; params: GetApiV1AnimationsIdCaptionsVttParams; query: GetApiV1AnimationsIdCaptionsVttQuery };
  getApiV1AnimationsIdScene: { method: 'get'; path: '/api/v1/animations/{id}/scene'; params: GetApiV1AnimationsIdSceneParams; response: GetApiV1AnimationsIdSceneResponse };
  getApiV1WebhooksDeliveries: { method: 'get'; path: '/api/v1/webhooks/deliveries'; query: GetApiV1WebhooksDeliveriesQuery; response: GetApiV1WebhooksDeliveriesResponse };
  getApiV1WebhooksDeliveriesId: { method: 'get'; path: '/api/v1/webhooks/deliveries/{id}'; params: GetApiV1WebhooksDeliveriesIdParams; response: GetApiV1WebhooksDeliveriesIdResponse };
  postApiV1WebhooksDeliveriesIdRedeliver: { method: 'post'; path: '/api/v1/webhooks/deliveries/{id}/redeliver'; params: PostApiV1WebhooksDeliveriesIdRedeliverParams; response: PostApiV1WebhooksDeliveriesIdRedeliverResponse };
  getApiV1WebhooksSigningSecret: { method: 'get'; path: '/api/v1/webhooks/signing-secret'; response: GetApiV1WebhooksSigningSecretResponse };
  postApiV1WebhooksSigningSecretRotate: { method: 'post'; path: '/api/v1/webhooks/signing-secret/rotate'; query: PostApiV1WebhooksSigningSecretRotateQuery; response: PostApiV1WebhooksSigningSecretRotateResponse };
  getApiV1Audit: { method: 'get'; path: '/api/v1/audit'; query: GetApiV1AuditQuery; response: GetApiV1AuditResponse };
  getApiV1AuditExport: { method: 'get'; path: '/api/v1/audit/export'; query: GetApiV1AuditExportQuery };
  getApiV1License: { method: 'get'; path: '/api/v1/license'; response: GetApiV1LicenseResponse };
  putApiV1License: { method: 'put'; path: '/api/v1/license'; response: PutApiV1LicenseResponse };
  postApiV1LicenseRenewalRequest: { method: 'post'; path: '/api/v1/license/renewal-request' };
  getApiV1Usage: { method: 'get'; path: '/api/v1/usage'; query: GetApiV1UsageQuery; response: GetApiV1UsageResponse };
  getApiV1UsageCsv: { method: 'get'; path: '/api/v1/usage.csv'; query: GetApiV1UsageCsvQuery };
  getApiV1System: { method: 'get'; path: '/api/v1/system'; response: GetApiV1SystemResponse };
  getApiV1Sso: { method: 'get'; path: '/api/v1/sso'; response: GetApiV1SsoResponse };
  postApiV1SsoTest: { method: 'post'; path: '/api/v1/sso/test'; response: PostApiV1SsoTestResponse };
  getApiV1Branding: { method: 'get'; path: '/api/v1/branding'; response: GetApiV1BrandingResponse };
  putApiV1Branding: { method: 'put'; path: '/api/v1/branding'; body: PutApiV1BrandingBody; response: PutApiV1BrandingResponse };
  getApiV1BrandingPublic: { method: 'get'; path: '/api/v1/branding/public'; response: GetApiV1BrandingPublicResponse };
  getApiV1LtiPlatforms: { method: 'get'; path: '/api/v1/lti/platforms'; response: GetApiV1LtiPlatformsResponse };
  postApiV1LtiPlatforms: { method: 'post'; path: '/api/v1/lti/platforms'; body: PostApiV1LtiPlatformsBody; response: PostApiV1LtiPlatformsResponse };
  getApiV1LtiPlatformsId: { method: 'get'; path: '/api/v1/lti/platforms/{id}'; params: GetApiV1LtiPlatformsIdParams; response: GetApiV1LtiPlatformsIdResponse };
  putApiV1LtiPlatformsId: { method: 'put'; path: '/api/v1/lti/platforms/{id}'; params: PutApiV1LtiPlatformsIdParams; body: PutApiV1LtiPlatformsIdBody; response: PutApiV1LtiPlatformsIdResponse };
  deleteApiV1LtiPlatformsId: { method: 'delete'; path: '/api/v1/lti/platforms/{id}'; params: DeleteApiV1LtiPlatformsIdParams };
  getApiV1LtiTool: { method: 'get'; path: '/api/v1/lti/tool'; response: GetApiV1LtiToolResponse };
  postApiV1LtiToolKeysRotate: { method: 'post'; path: '/api/v1/lti/tool/keys/rotate'; response: PostApiV1LtiToolKeysRotateResponse };
}
