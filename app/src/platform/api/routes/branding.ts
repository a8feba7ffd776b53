// The organisation's branding: GET for everyone signed in (the web app draws its UI with it), PUT for admins
// (replaces the whole settings object). Fields below the license's tier are refused with license-limit; the
// JSON shape is flat and documented in docs/licensing.md#branding-and-white-label.
import { z } from 'zod';
import { updateBranding } from '../../domain/commands/branding.ts';
import { licenseEntitlements } from '../../domain/license/admission.ts';
import { publicBranding, readBranding, type BrandingView } from '../../domain/queries/branding.ts';
import type { ApiServices } from '../../services.ts';
import { defineRoute, reply, type AnyRoute } from '../route.ts';

const HEX = /^#[0-9a-fA-F]{6}$/;
// Images as data: URLs (the appliance is often offline: no link to fetch). At most 256 KiB of base64.
const IMAGE_MAX = 262_144;
const image = (types: string, what: string) =>
  z
    .string()
    .max(IMAGE_MAX, `at most ${IMAGE_MAX} characters: shrink the image (${what})`)
    .regex(new RegExp(`^data:image/(${types});base64,[A-Za-z0-9+/=]+$`), `a data: URL of a ${what} image, data:image/…;base64,…`);

export const settingsSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional().describe('The organisation’s name, shown beside the product name. Every tier.'),
  logo: image('png|jpeg|svg\\+xml', 'PNG, JPEG or SVG').optional().describe('The logo as a data: URL. Needs custom_branding (Enterprise).'),
  colors: z
    .strictObject({ primary: z.string().regex(HEX, 'a colour as #rrggbb'), text: z.string().regex(HEX, 'a colour as #rrggbb') })
    .optional()
    .describe('Brand colours as #rrggbb. Needs custom_branding (Enterprise).'),
  font: z
    .string()
    .regex(/^[\w -]{1,60}$/, 'a font family name: letters, digits, spaces and dashes, at most 60')
    .optional()
    .describe('A font family installed on the viewers’ machines. Needs custom_branding (Enterprise).'),
  watermark: z.string().trim().min(1).max(80).optional().describe('Text drawn on the organisation’s videos when the license has no watermark of its own. Every tier.'),
  product_name: z.string().trim().min(1).max(60).optional().describe('White label: what the UI calls the product instead of DevForge. Needs white_label (Enterprise).'),
  favicon: image('png|svg\\+xml|x-icon|vnd\\.microsoft\\.icon', 'PNG, SVG or ICO').optional().describe('White label: the favicon as a data: URL. Needs white_label (Enterprise).'),
  hide_devforge_name: z.boolean().optional().describe('White label: no DevForge name or mark anywhere in the UI. true needs white_label (Enterprise).'),
});

export const brandingSchema = settingsSchema.extend({
  withheld: z.array(z.string()).describe('Stored fields the license in force does not include (left out above; kept for when it does again).'),
  updated_at: z.string().nullable(),
});

function present(v: BrandingView) {
  return { ...v.settings, withheld: v.withheld, updated_at: v.updatedAt?.toISOString() ?? null };
}

export function brandingRoutes(s: ApiServices): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/branding',
      tag: 'branding',
      summary: 'The organisation’s branding and white-label settings in force (the web app draws its UI with them).',
      action: 'branding.read',
      responses: { 200: { description: 'The settings (none saved: only withheld and updated_at).', schema: brandingSchema } },
      handler: async (ctx, { principal }) => reply(ctx, 200, present(await readBranding(s.db, principal, await licenseEntitlements(s)))),
    }),
    defineRoute({
      method: 'get',
      path: '/branding/public',
      tag: 'branding',
      summary: 'How the signed-out pages look (sign-in): name, logo, colours, product name, favicon, hide_devforge_name. No credentials needed.',
      action: 'public',
      responses: { 200: { description: 'The public part of the branding in force.', schema: settingsSchema.pick({ name: true, logo: true, colors: true, product_name: true, favicon: true, hide_devforge_name: true }) } },
      handler: async (ctx) => {
        ctx.set('cache-control', 'no-cache');
        reply(ctx, 200, await publicBranding(s.db, await licenseEntitlements(s)));
      },
    }),
    defineRoute({
      method: 'put',
      path: '/branding',
      tag: 'branding',
      summary: 'Replace the organisation’s branding settings (fields left out are cleared).',
      description: 'logo, colors and font need the custom_branding entitlement; product_name, favicon and hide_devforge_name need white_label (both Enterprise). A field the license does not include is refused with 403 license-limit.',
      action: 'branding.update',
      body: settingsSchema,
      responses: { 200: { description: 'Saved; the settings as GET shows them.', schema: brandingSchema } },
      handler: async (ctx, { body, principal, origin }) => {
        const entitlements = await licenseEntitlements(s);
        const settings = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
        await updateBranding(s.db, principal, entitlements, settings, origin);
        reply(ctx, 200, present(await readBranding(s.db, principal, entitlements)));
      },
    }),
  ];
}
