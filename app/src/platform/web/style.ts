// The page's stylesheet (served as /assets/app.css; no inline styles under the CSP).
export const APP_CSS = `
*{box-sizing:border-box}body{margin:0;font:15px/1.45 Inter,system-ui,sans-serif;background:#f4f5f8;color:#1b1d23}
header{display:flex;gap:16px;align-items:center;padding:10px 20px;background:#111827;color:#fff}header h1{font-size:18px;margin:0 auto 0 0}
header a{color:#c7d2fe}.banner{margin:0;padding:8px 20px;background:#fef3c7;color:#78350f}main{padding:16px;max-width:1400px;margin:0 auto}.grid{display:grid;grid-template-columns:minmax(320px,1fr) minmax(360px,1.3fr);gap:16px}
.panel{background:#fff;border:1px solid #e1e3ea;border-radius:10px;padding:14px 18px;margin-bottom:16px}.narrow{max-width:380px;margin:40px auto}
h2{font-size:16px;margin:4px 0 10px}h3{font-size:14px;margin:12px 0 4px}label{display:block;margin:6px 0}
input,select,textarea,button{font:inherit}textarea{width:100%;resize:vertical}input[type=text],input[type=password],input[type=number]{width:100%;padding:5px 7px}
button{background:#2563eb;color:#fff;border:0;border-radius:6px;padding:6px 14px;cursor:pointer}button:disabled{background:#9ca3af;cursor:default}a.button{display:inline-block;background:#2563eb;color:#fff;border-radius:6px;padding:8px 16px;text-decoration:none}details.narrow{margin-top:12px}
.error{color:#b91c1c;min-height:1em}.muted{color:#6b7280;font-size:13px}.warnings{color:#92400e;font-size:13px}
.params label{display:grid;grid-template-columns:140px 1fr;gap:8px;align-items:center}.params .hint{grid-column:2;font-size:12px;color:#6b7280}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;font-size:14px}dt{color:#6b7280}dd{margin:0;font-family:"JetBrains Mono",monospace;word-break:break-all}
.stage{background:#000;border-radius:6px;overflow:hidden;aspect-ratio:16/9}.stage canvas{width:100%;height:100%;display:block}
.controls{display:flex;gap:8px;align-items:center;margin:8px 0}.controls input{flex:1}.row{display:flex;gap:12px;align-items:end}.row label{margin:0;display:flex;flex-direction:column;gap:2px;font-size:13px;color:#374151}.row input[type=number]{width:110px}.row select{padding:4px}
progress{width:220px}table{width:100%;border-collapse:collapse;font-size:14px}td,th{text-align:left;padding:5px 6px;border-bottom:1px solid #eceef3;vertical-align:top}
td.desc{max-width:420px;overflow-wrap:anywhere}.status-completed{color:#15803d}.status-failed{color:#b91c1c}.status-cancelled{color:#6b7280}
@media (max-width:900px){.grid{grid-template-columns:1fr}}`;
