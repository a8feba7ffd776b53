// The web app's entry: renders the app into the shell's #app (web/page.ts), whose data attributes carry
// the sign-in options the server was started with.
import { render } from 'preact';
import { App } from './app.tsx';

const root = document.getElementById('app')!;
render(<App sso={root.dataset.sso} localLogin={root.dataset.localLogin !== 'false'} />, root);
