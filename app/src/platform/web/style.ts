// The web app's stylesheet (served as /assets/app.css; no inline styles under the CSP). The brand comes in
// as custom properties the app sets from the branding settings (client/branding.ts): --brand-primary (bars,
// buttons), --brand-on-primary (text on it, black or white by contrast), --brand-accent (links and focus
// rings, darkened until it has 4.5:1 on white), --brand-text and --brand-font. The defaults are DevForge's.
// Colours are chosen for WCAG 2.1 AA: body text and muted text have at least 4.5:1 on their background, and
// every focusable element shows a 3 px focus ring.
export const APP_CSS = `
:root{--brand-primary:#2563eb;--brand-on-primary:#fff;--brand-accent:#1d4ed8;--brand-text:#1b1d23;--brand-font:Inter;--muted:#4b5563;--line:#d9dce3;--bg:#f4f5f8;--danger:#b91c1c}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 var(--brand-font),Inter,system-ui,sans-serif;background:var(--bg);color:var(--brand-text)}
a{color:var(--brand-accent)}
:focus-visible{outline:3px solid var(--brand-accent);outline-offset:2px}
.skip-link{position:absolute;left:-9999px;top:0;background:#fff;color:#111;padding:8px 12px;z-index:10}.skip-link:focus{left:8px}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
header.top{display:flex;flex-wrap:wrap;gap:8px 20px;align-items:center;padding:8px 20px;background:var(--brand-primary);color:var(--brand-on-primary)}
header.top a,header.top .who{color:var(--brand-on-primary)}
header.top :focus-visible{outline-color:var(--brand-on-primary)}
.brand{display:flex;align-items:center;gap:10px;text-decoration:none;font-weight:700;font-size:18px}
.brand-logo{height:32px;max-width:160px;object-fit:contain;background:#fff;border-radius:4px;padding:2px}
.brand-mark{width:26px;height:26px;border-radius:6px;background:var(--brand-on-primary);mask:none;display:inline-block;position:relative}
.brand-mark::after{content:"";position:absolute;left:9px;top:6px;border-left:10px solid var(--brand-primary);border-top:7px solid transparent;border-bottom:7px solid transparent}
.brand-by{font-weight:400;font-size:12px}
nav[aria-label=Main] ul{display:flex;gap:4px;list-style:none;margin:0;padding:0}
nav[aria-label=Main] a{display:block;padding:6px 12px;border-radius:6px;text-decoration:none;font-weight:600}
nav[aria-label=Main] a[aria-current=page]{box-shadow:inset 0 -3px 0 var(--brand-on-primary)}
header.top .who{margin-left:auto;font-size:14px}
header.top button.secondary{background:transparent;color:var(--brand-on-primary);border-color:var(--brand-on-primary)}
.banner{margin:0;padding:8px 20px;background:#fef3c7;color:#713f12}
main{padding:16px 20px;max-width:1400px;margin:0 auto;display:block}
main:focus{outline:none}
h1{font-size:22px;margin:6px 0 12px}h2{font-size:17px;margin:2px 0 10px}h3{font-size:15px;margin:14px 0 6px}
.grid{display:grid;grid-template-columns:minmax(320px,1fr) minmax(360px,1.3fr);gap:16px;align-items:start}
.panel{background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px 18px;margin-bottom:16px}
.narrow{max-width:400px;margin:40px auto}
.field{display:flex;flex-direction:column;gap:3px;margin:8px 0}
.field label{font-weight:600;font-size:14px}
.unit{font-weight:400;color:var(--muted)}
input,select,textarea,button{font:inherit;color:inherit}
input[type=text],input[type=password],input[type=number],input[type=search],select,textarea{border:1px solid #8a909c;border-radius:6px;padding:6px 8px;background:#fff;min-width:0}
textarea{width:100%;resize:vertical}
input[aria-invalid=true]{border-color:var(--danger)}
button,a.button{display:inline-block;background:var(--brand-primary);color:var(--brand-on-primary);border:1px solid var(--brand-primary);border-radius:6px;padding:6px 14px;cursor:pointer;text-decoration:none;font-weight:600}
button.secondary,a.button.secondary{background:#fff;color:var(--brand-accent);border-color:var(--brand-accent)}
button.danger{background:#fff;color:var(--danger);border-color:var(--danger)}
button.link{background:none;border:0;padding:0;color:var(--brand-accent);text-decoration:underline;font-weight:400}
button:disabled{background:#e5e7eb;color:#4b5563;border-color:#9ca3af;cursor:not-allowed}
.row{display:flex;flex-wrap:wrap;gap:12px;align-items:end}
.inline{display:flex;gap:8px;align-items:center;margin:6px 0}
.hint{font-size:13px;color:var(--muted)}
.error,.field-error{color:var(--danger)}.field-error{font-size:13px}
.muted{color:var(--muted)}.small{font-size:13px}
.loading{padding:40px;text-align:center;color:var(--muted)}
.summary{font-size:17px;font-weight:600;margin:12px 0 4px}
.highlighted{margin:4px 0;color:var(--muted)}.highlighted mark{background:#fde68a;color:#1b1d23;border-radius:3px;padding:0 2px}
.warnings{color:#7c2d12;font-size:14px}
.notice{border-color:#d97706;background:#fffbeb}
.suggestions li{margin:6px 0}
.params{display:grid;grid-template-columns:1fr;gap:0}
.facts{display:grid;grid-template-columns:auto 1fr;gap:4px 16px;margin:0}.facts>div{display:contents}.facts dt{color:var(--muted)}.facts dd{margin:0;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.preview .stage,.stage{position:relative;background:#000;border-radius:6px;overflow:hidden;aspect-ratio:16/9}
.canvas-host,.canvas-host canvas{width:100%;height:100%;display:block}
.stage.placeholder{display:flex;flex-direction:column;align-items:center;justify-content:center;color:#fff;padding:20px;text-align:center}
.stage:fullscreen{border-radius:0}
.sidecar-caption{position:absolute;left:5%;right:5%;bottom:4%;margin:0;padding:6px 10px;background:rgba(0,0,0,.8);color:#fff;text-align:center;font-size:18px;border-radius:4px}
.controls{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0}.controls input[type=range]{flex:1;min-width:120px}
.qualities{border:1px solid var(--line);border-radius:6px;padding:6px 12px;margin:0 0 8px}
.choice{display:block;margin:4px 0}.choice.unavailable{color:var(--muted)}
.why{font-size:13px}
progress{width:220px;vertical-align:middle}
#job{margin-top:10px}
video{width:100%;border-radius:6px;background:#000;aspect-ratio:16/9}
.downloads{margin:10px 0 0}
.cards{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:14px}
.card{background:#fff;border:1px solid var(--line);border-radius:10px;overflow:hidden;display:flex;flex-direction:column}
.card.chosen{outline:3px solid var(--brand-accent)}
.card-body{padding:10px 12px;display:flex;flex-direction:column;gap:4px;flex:1}
.card-title{font-size:15px;margin:0;overflow-wrap:anywhere}
.card img,.thumb,.poster-placeholder{display:block;width:100%;aspect-ratio:16/9;height:auto;object-fit:cover;background:#1f2937}
.thumb{display:flex;align-items:center;justify-content:center;color:#fff;font-size:32px;font-weight:700}
.thumb img{width:100%;height:100%}
.example{color:var(--muted);margin:0}
.actions{display:flex;flex-wrap:wrap;gap:6px;margin-top:auto;padding-top:6px}
.actions button,.actions a.button{padding:4px 10px;font-size:13px}
.status{font-weight:600}.status-completed{color:#166534}.status-failed{color:var(--danger)}.status-cancelled{color:var(--muted)}.status-processing,.status-queued{color:#1e40af}
.category{margin-top:18px}
.filters{margin-bottom:12px}
.pager{margin-top:14px;align-items:center}
table{width:100%;border-collapse:collapse;font-size:14px}td,th{text-align:left;padding:6px;border-bottom:1px solid var(--line);vertical-align:top}td.url{overflow-wrap:anywhere}
.secret{display:block;padding:8px;background:#f3f4f6;border-radius:6px;overflow-wrap:anywhere;font-family:"JetBrains Mono",monospace}
.audit{padding-left:20px;font-size:14px}
.sessions li,.shares li{margin:6px 0}
.sign-in{padding-top:40px}
.admin-nav ul{display:flex;flex-wrap:wrap;gap:4px;list-style:none;margin:0 0 8px;padding:0;border-bottom:1px solid var(--line)}
.admin-nav a{display:block;padding:6px 10px;text-decoration:none;font-weight:600;border-radius:6px 6px 0 0}
.admin-nav a[aria-current=page]{box-shadow:inset 0 -3px 0 var(--brand-accent);color:var(--brand-text)}
.chart{margin:8px 0 14px}.chart figcaption{font-weight:600;font-size:14px;margin-bottom:4px}
.chart-body{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}.chart-text{width:auto}.chart-text th,.chart-text td{padding:2px 8px;border:0;height:26px;font-weight:400}
.bar-track{fill:#e5e7eb}.bar-fill{fill:var(--brand-accent)}.bar-fill.high{fill:var(--danger)}
.user-actions form.inline{margin-top:6px}
.grow{flex:1;min-width:240px}.grow input{width:100%}
.batch-items{padding-left:20px}.batch-item{margin-bottom:8px}
.steps{list-style:none;margin:0;padding:0}
figure.code{margin:8px 0 12px}figure.code figcaption{font-weight:600;font-size:14px;margin-bottom:4px}
pre{margin:0;padding:10px 12px;background:#111827;color:#f3f4f6;border-radius:6px;overflow:auto;font:13px/1.5 "JetBrains Mono",ui-monospace,monospace;max-height:420px}
pre:focus-visible{outline-offset:0}
figure.code .copy{margin-top:6px;padding:3px 10px;font-size:13px}
.ways{border:1px solid var(--line);border-radius:6px;padding:6px 12px}
.tag-nav ul{display:flex;flex-wrap:wrap;gap:4px 14px;list-style:none;margin:8px 0;padding:0}
details.op{background:#fff;border:1px solid var(--line);border-radius:8px;margin:8px 0}
details.op>summary{cursor:pointer;padding:8px 12px;display:flex;flex-wrap:wrap;gap:8px;align-items:baseline}
.op-body{padding:0 14px 12px}.op-summary{color:var(--muted)}
.method{display:inline-block;min-width:64px;text-align:center;border-radius:4px;color:#fff;font-size:12px;font-weight:700;padding:2px 6px}
.method.get{background:#1d4ed8}.method.post{background:#15803d}.method.put{background:#6d28d9}.method.patch{background:#b45309}.method.delete{background:#b91c1c}
table.fields{margin:8px 0}table.fields caption{text-align:left;font-weight:600;font-size:14px;padding:4px 0}
.responses{padding-left:20px;font-size:14px}
.try-it{border-top:1px solid var(--line);margin-top:12px;padding-top:4px}.try-it textarea{font:13px/1.5 "JetBrains Mono",ui-monospace,monospace}
.try-status{font-weight:700;font-size:16px}.try-status.ok{color:#166534}.try-status.failed{color:var(--danger)}
table.headers th{font-weight:400}
pre.schema{background:#f3f4f6;color:#1b1d23}
@media (max-width:900px){.grid{grid-template-columns:1fr}}`;
