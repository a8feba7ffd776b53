// The widget guide (/developers/widget): embedding the describe-preview-export panel in another site with
// one script and DevForge.embed, a publishable key restricted to the page's origins, the options and the
// events. The widget itself is built apart (its bundle, widget.js, and its own document in docs/); this guide
// follows the API the product promises for it.
import { useApp } from '../../context.ts';
import { CodeBlock, DeveloperPage } from '../../parts/developers.tsx';
import { publishableKeyExample, widgetSnippet } from './examples.ts';

const OPTIONS: [string, string][] = [
  ['container', 'The element the widget draws into (it renders in its own shadow root, so the page’s styles do not leak in or out).'],
  ['apiKey', 'A publishable key (dfp_…). Never a secret key: every visitor of the page can read it.'],
  ['theme.primary', 'The brand colour of buttons and focus (#rrggbb).'],
  ['theme.logo', 'The URL of a logo shown in the widget.'],
  ['features.textInput', 'The description box (false: only templates and their examples).'],
  ['features.preview', 'The live preview before exporting.'],
  ['features.export', 'The Export button, its progress and the download.'],
  ['features.templates', 'The template picker.'],
  ['categories', 'Only the templates of these categories.'],
  ['onReady, onAnimationCreated, onExported', 'Called when the widget is ready (or could not start, with the reason), when an animation was submitted, and when its video is ready (with the download).'],
];

export function DevelopersWidgetScreen() {
  const { branding } = useApp();
  const base = window.location.origin;
  return (
    <DeveloperPage title="Widget guide" id="developers-widget">
      <p>The widget puts {branding.productName}'s describe, preview and export into your own pages: one script from this appliance, one call. It talks to the API with a publishable key that works only from the origins you list.</p>
      <section class="panel" aria-labelledby="widget-key">
        <h2 id="widget-key">1. A publishable key for your site's origins</h2>
        <p>
          A publishable key may do only what the widget needs (analyse, templates, generate, follow and download its animations), and only from the listed origins (<code>https://intranet.example.com</code>: scheme, host and port, exactly):
          every request with it is checked against the page's <code>Origin</code>, and other origins get a <code>403</code> problem saying which origin was refused. Make one with a key that has the <code>admin</code> scope:
        </p>
        <CodeBlock label="curl: make a publishable key" code={publishableKeyExample(base)} id="example-publishable" />
      </section>
      <section class="panel" aria-labelledby="widget-embed">
        <h2 id="widget-embed">2. Embed it</h2>
        <CodeBlock label="HTML for your page" code={widgetSnippet(base)} id="example-embed" />
      </section>
      <section class="panel" aria-labelledby="widget-options">
        <h2 id="widget-options">Options and events</h2>
        <table class="fields">
          <caption class="sr-only">The options of embed</caption>
          <thead>
            <tr>
              <th scope="col">Option</th>
              <th scope="col">What it does</th>
            </tr>
          </thead>
          <tbody>
            {OPTIONS.map(([name, what]) => (
              <tr key={name}>
                <td>
                  <code>{name}</code>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <code>embed</code> returns a handle; <code>destroy()</code> removes the widget. The full reference, with the security model, is the widget's document in the product documentation.
        </p>
      </section>
    </DeveloperPage>
  );
}
