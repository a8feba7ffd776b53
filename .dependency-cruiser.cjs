// Layering rules for app/ (`npm run lint:layers`), checked by dependency-cruiser on every import, type-only ones included.
// The layers, innermost first: scene ← templates ← analysis ← pipeline ← platform. Each rule says who may import whom,
// and why; a violation names the rule, the importing file and the imported one.
//
// `.ts` import specifiers resolve as written (Node's type stripping needs them). tsPreCompilationDeps makes
// `import type` count: a type import couples two layers as surely as a value import does, even though it is erased.
const SRC = '^app/src/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'scene-stands-alone',
      comment: 'The scene spec is the contract between composition and playback; it must not know who produces or plays it, or it cannot be versioned and migrated on its own.',
      severity: 'error',
      from: { path: `${SRC}scene/` },
      to: { path: `${SRC}(templates|analysis|platform|render|cli|player)/|${SRC}pipeline\\.ts$` },
    },
    {
      name: 'templates-build-on-scene-only',
      comment: 'Templates turn parameters into scenes. They may use the scene spec, the text helpers and util; anything else (analysis, rendering, the platform) would make a template depend on who calls it.',
      severity: 'error',
      from: { path: `${SRC}templates/` },
      to: { path: SRC, pathNot: `${SRC}(templates|scene|text|util)/` },
    },
    {
      name: 'analysis-builds-on-templates',
      comment: 'The analyser reads a description and picks a template with parameters. It may know templates, scenes, text and util, never how the result is rendered or served.',
      severity: 'error',
      from: { path: `${SRC}analysis/` },
      to: { path: SRC, pathNot: `${SRC}(analysis|templates|scene|text|util)/` },
    },
    {
      name: 'pipeline-composes-only',
      comment: 'pipeline.ts is description → analysis → scene. Rendering, the CLI and the platform call it; it calls none of them.',
      severity: 'error',
      from: { path: `${SRC}pipeline\\.ts$` },
      to: { path: SRC, pathNot: `${SRC}(analysis|templates|scene|text)/` },
    },
    {
      name: 'player-needs-only-scene-and-three',
      comment: 'The player is bundled into the browser page (web preview and the render page); it may use the scene spec and three.js, nothing from the server side and no Node built-ins.',
      severity: 'error',
      from: { path: `${SRC}player/` },
      to: { pathNot: `${SRC}(player|scene)/|^node_modules/(three|@types/three)/` },
    },
    {
      name: 'web-client-takes-only-types-from-the-server',
      comment:
        "The web app (web/client) is bundled for the browser: from the rest of app/src it may import types only (the API's zod schemas through z.infer), so no server code lands in the bundle; values only from itself, the app's paths (web/app-paths.ts), the scene's narration timing and its brand palette (the preview must be the export's pixels). Packages: Preact and its router only.",
      severity: 'error',
      from: { path: `${SRC}platform/web/client/` },
      to: { pathNot: [`${SRC}platform/web/client/`, `${SRC}platform/web/app-paths[.]ts$`, `${SRC}scene/narration[.]ts$`, `${SRC}scene/brand-palette[.]ts$`, '^node_modules/(preact|preact-iso)/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'widget-takes-only-types-from-the-server',
      comment:
        "The embeddable widget (web/widget, /widget.js) runs in other sites' pages: from the rest of app/src it may import types only (the API's schemas, through the web app's api-types.ts), so no server code lands in its bundle; values only from itself and the brand palette's contrast (the same AA check as the app's). Packages: Preact only.",
      severity: 'error',
      from: { path: `${SRC}platform/web/widget/` },
      to: { pathNot: [`${SRC}platform/web/widget/`, `${SRC}scene/brand-palette[.]ts$`, '^node_modules/preact/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-knows-no-http',
      comment:
        'The domain layer (commands, queries, policy) is called by HTTP routes, jobs and the CLI alike; HTTP types, problems and koa belong to the HTTP layer that maps domain errors onto responses (services.ts is what the HTTP side is handed, server/ is the Koa app).',
      severity: 'error',
      from: { path: `${SRC}platform/domain/` },
      to: { path: `${SRC}platform/(api|web|server)/|${SRC}platform/services[.]ts$|^node_modules/(koa|@koa/[^/]+|@types/koa|@types/koa__router)/` },
    },
    {
      name: 'leaf-helpers-stay-leaves',
      comment: 'text, ffmpeg, util, config and gpu are used by every layer; if one of them imported the platform or the CLI, every layer would.',
      severity: 'error',
      from: { path: `${SRC}(text|ffmpeg|util|config|gpu)/` },
      to: { path: `${SRC}(platform|cli)/` },
    },
    {
      name: 'voice-is-a-leaf',
      comment:
        'voice/ speaks narration with espeak-ng and builds the audio track; the renderer, the CLI and the platform use it. It may use text, util, ffmpeg and config types only: it takes plain narration steps, not the scene spec, so it can be tested and reused without the layers that call it.',
      severity: 'error',
      from: { path: `${SRC}voice/` },
      to: { path: SRC, pathNot: [`${SRC}(voice|text|util|ffmpeg)/`, `${SRC}config/schema\\.ts$`] },
    },
    {
      name: 'licensing-format-is-a-leaf',
      comment:
        "licensing/ is the license file format, its verification and the tier table, shared by the appliance and the vendor's tool (licenses/); it may use nothing of the appliance, so the vendor's tool does not carry the platform and the format cannot depend on who reads it.",
      severity: 'error',
      from: { path: `${SRC}licensing/` },
      to: { path: SRC, pathNot: `${SRC}licensing/` },
    },
    {
      name: 'appliance-never-imports-the-vendor-tool',
      comment: "licenses/ holds the vendor's signing code; the appliance must never contain it (a license is signed with a key only the vendor has, with code only the vendor runs).",
      severity: 'error',
      from: { path: '^app/' },
      to: { path: '^licenses/' },
    },
    // No loops between the top-level folders of app/src: app/scripts/check-folder-cycles.ts, on this same graph.
    // (A `scope: 'folder'` rule would miss loops through subfolders: it sees app/src/render → app/src/platform/db/entities,
    // not render → platform.)
    {
      name: 'nothing-from-outside-the-repository',
      comment: 'A clone must work on its own: an import that leaves the repository works only on the machine where it was written.',
      severity: 'error',
      from: {},
      to: { path: '^\\.\\./|^/' },
    },
    {
      name: 'imports-resolve',
      comment: 'An import that does not resolve is a crash waiting for the first run of that code path.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'packages-are-declared',
      comment: 'A package that is not in package.json is there only because something else pulled it in, and can disappear with any update.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'product-code-needs-no-dev-dependencies',
      comment: 'An appliance install leaves devDependencies out; app/src importing one at run time would fail there and nowhere else. Type-only imports are erased, so @types packages are fine.',
      severity: 'error',
      from: { path: SRC },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // A worktree may link node_modules to a shared install; keep its paths as node_modules/..., not where the link points.
    preserveSymlinks: true,
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Resolve package exports the way Node does for this ESM code (openchemlib, for one, exports only `import`/`require`).
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], mainFields: ['module', 'main', 'types', 'typings'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
