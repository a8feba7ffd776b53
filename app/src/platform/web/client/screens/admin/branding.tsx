// /admin/branding: the organisation's name, logo, colours, font and the watermark of its videos, and with an
// Enterprise license the white label (the product's own name, favicon, no DevForge name anywhere). Saved
// with PUT /api/v1/branding (the whole settings object); fields the license does not include are shown,
// switched off, with the entitlement that would allow them, and the server refuses them too. Saving
// re-applies the branding to the whole app at once.
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../../api.ts';
import type { BrandingSettings } from '../../api-types.ts';
import { contrastRatio } from '../../../../../scene/brand-palette.ts';
import { useApp } from '../../context.ts';
import { AdminPage, ErrorLine } from '../../parts/admin.tsx';

/** The largest image the API takes, as a data: URL (routes/branding.ts). */
const IMAGE_MAX_CHARS = 262_144;

function readImage(file: File, accept: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!accept.test(file.type)) return reject(new Error(`${file.name} is a ${file.type || 'file of unknown type'}; choose a PNG, JPEG or SVG image`));
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      if (url.length > IMAGE_MAX_CHARS) reject(new Error(`${file.name} is too large (${Math.round(file.size / 1024)} KB); at most about 190 KB`));
      else resolve(url);
    };
    reader.onerror = () => reject(new Error(`${file.name} could not be read`));
    reader.readAsDataURL(file);
  });
}

function ImageField({
  id,
  label,
  value,
  accept,
  types,
  disabled,
  why,
  onChange,
  onError,
}: {
  id: string;
  label: string;
  value: string | undefined;
  accept: string;
  types: RegExp;
  disabled: boolean;
  why: string;
  onChange: (v: string | undefined) => void;
  onError: (m: string) => void;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {value && <img src={value} alt={`Current ${label.toLowerCase()}`} class="branding-image" id={`${id}-current`} />}
      <input
        id={id}
        type="file"
        accept={accept}
        disabled={disabled}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) readImage(file, types).then(onChange, (err) => onError(messageOf(err)));
        }}
      />
      {value && !disabled && (
        <button type="button" class="secondary" id={`${id}-remove`} onClick={() => onChange(undefined)}>
          Remove
        </button>
      )}
      <span class="hint" id={`${id}-help`}>
        {disabled ? why : 'Stored in the appliance (no link to fetch: it works offline).'}
      </span>
    </div>
  );
}

export function AdminBrandingScreen() {
  const app = useApp();
  const [form, setForm] = useState<BrandingSettings | undefined>(undefined);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const [saving, setSaving] = useState(false);
  const entitlements = app.license?.entitlements ?? {};
  const branded = entitlements.custom_branding === true;
  const whiteLabel = entitlements.white_label === true;
  const brandWhy = 'Logo, colours and font need custom branding (an Enterprise license).';
  const whiteWhy = 'The white label needs an Enterprise license.';

  useEffect(() => {
    api.brandingSettings().then(
      (b) => setForm(b),
      (err) => setError(messageOf(err)),
    );
  }, []);

  if (!form)
    return (
      <AdminPage title="Branding" id="admin-branding">
        <ErrorLine error={error} id="branding-error" />
        {!error && <p class="muted">Loading…</p>}
      </AdminPage>
    );

  const set = (patch: Partial<BrandingSettings>) => {
    setSaved('');
    setForm({ ...form, ...patch });
  };
  const primary = form.colors?.primary ?? '#2563eb';
  const text = form.colors?.text ?? '#1b1d23';
  const textContrast = contrastRatio(text, '#ffffff');

  const save = (e: Event) => {
    e.preventDefault();
    setError('');
    setSaving(true);
    const { withheld: _w, updated_at: _u, ...settings } = form;
    api
      .saveBranding(settings)
      .then(
        (b) => {
          setForm(b);
          setSaved('Saved. The app now shows the new branding; new exports carry it.');
          app.reloadBranding();
        },
        (err) => setError(messageOf(err)),
      )
      .finally(() => setSaving(false));
  };

  return (
    <AdminPage title="Branding" id="admin-branding">
      <form class="panel branding-form" onSubmit={save} id="branding-form">
        <fieldset>
          <legend>Organisation</legend>
          <div class="field">
            <label for="branding-name">Organisation name</label>
            <input id="branding-name" value={form.name ?? ''} maxLength={100} onInput={(e) => set({ name: e.currentTarget.value || undefined })} />
          </div>
          <div class="field">
            <label for="branding-watermark">Watermark on videos</label>
            <input id="branding-watermark" value={form.watermark ?? ''} maxLength={80} aria-describedby="branding-watermark-help" onInput={(e) => set({ watermark: e.currentTarget.value || undefined })} />
            <span class="hint" id="branding-watermark-help">
              Drawn on every video unless the license has a watermark of its own (the Free tier always does).
            </span>
          </div>
        </fieldset>
        <fieldset disabled={!branded} aria-describedby="branding-why">
          <legend>Logo, colours and font</legend>
          {!branded && (
            <p class="hint" id="branding-why">
              {brandWhy}
            </p>
          )}
          <ImageField
            id="branding-logo"
            label="Logo"
            value={form.logo}
            accept="image/png,image/jpeg,image/svg+xml"
            types={/^image\/(png|jpeg|svg\+xml)$/}
            disabled={!branded}
            why={brandWhy}
            onChange={(logo) => set({ logo })}
            onError={setError}
          />
          <div class="row">
            <div class="field">
              <label for="branding-primary">Brand colour</label>
              <input id="branding-primary" type="color" value={primary} aria-describedby="branding-primary-help" onInput={(e) => set({ colors: { primary: e.currentTarget.value, text } })} />
              <span class="hint" id="branding-primary-help">
                Bars, buttons and the animations' main colour (lightened or darkened where it would not stand out).
              </span>
            </div>
            <div class="field">
              <label for="branding-text">Text colour</label>
              <input id="branding-text" type="color" value={text} aria-describedby="branding-text-help" onInput={(e) => set({ colors: { primary, text: e.currentTarget.value } })} />
              <span class={textContrast < 4.5 ? 'hint warning' : 'hint'} id="branding-text-help">
                {textContrast < 4.5 ? `Contrast on white is ${textContrast.toFixed(1)}:1, below the 4.5:1 text needs: the app will use a darker text colour.` : `Contrast on white ${textContrast.toFixed(1)}:1.`}
              </span>
            </div>
          </div>
          <div class="field">
            <label for="branding-font">Font for the app</label>
            <input id="branding-font" value={form.font ?? ''} maxLength={60} aria-describedby="branding-font-help" onInput={(e) => set({ font: e.currentTarget.value || undefined })} />
            <span class="hint" id="branding-font-help">
              A font installed on your staff's computers, e.g. “Source Sans 3”. Videos keep the house typeface, which is built in so they render offline.
            </span>
          </div>
        </fieldset>
        <fieldset disabled={!whiteLabel}>
          <legend>White label</legend>
          {!whiteLabel && <p class="hint">{whiteWhy}</p>}
          <div class="field">
            <label for="branding-product">Product name</label>
            <input id="branding-product" value={form.product_name ?? ''} maxLength={60} placeholder="DevForge" onInput={(e) => set({ product_name: e.currentTarget.value || undefined })} />
          </div>
          <ImageField
            id="branding-favicon"
            label="Favicon"
            value={form.favicon}
            accept="image/png,image/svg+xml,image/x-icon"
            types={/^image\/(png|svg\+xml|x-icon|vnd\.microsoft\.icon)$/}
            disabled={!whiteLabel}
            why={whiteWhy}
            onChange={(favicon) => set({ favicon })}
            onError={setError}
          />
          <label class="inline">
            <input type="checkbox" id="branding-hide" checked={form.hide_devforge_name === true} onChange={(e) => set({ hide_devforge_name: e.currentTarget.checked || undefined })} /> No DevForge name or mark anywhere (sign-in page
            included)
          </label>
        </fieldset>
        {form.withheld.length > 0 && (
          <p class="hint" id="branding-withheld">
            Kept but not shown under this license: {form.withheld.join(', ')}. They come back with a license that includes them.
          </p>
        )}
        <button type="submit" id="branding-save" disabled={saving}>
          {saving ? 'Saving…' : 'Save branding'}
        </button>
        {saved && (
          <p class="success" role="status" id="branding-saved">
            {saved}
          </p>
        )}
        <ErrorLine error={error} id="branding-error" />
      </form>
    </AdminPage>
  );
}
