// The license on the page: its banner (renewal due for admins; grace or expiry for everyone) and the quality
// choices it allows, so a Free install does not offer 1080p only to refuse it.
import { api } from './api.ts';
import { byId, setText, show } from './dom.ts';

interface LicenseView {
  banner: { audience: 'admins' | 'everyone'; message: string } | null;
  entitlements: { max_quality: string };
}

const ORDER = ['720p', '1080p', '4k'];

export async function showLicense(role: string): Promise<void> {
  const license = await api<LicenseView>('GET', '/license');
  const banner = license.banner && (license.banner.audience === 'everyone' || role === 'admin') ? license.banner.message : '';
  setText('license-banner', banner);
  show(byId('license-banner'), Boolean(banner));
  const select = byId<HTMLSelectElement>('quality');
  const max = ORDER.indexOf(license.entitlements.max_quality);
  for (const option of Array.from(select.options)) {
    const above = ORDER.indexOf(option.value) > max;
    option.disabled = above;
    option.title = above ? 'not included in this license' : '';
  }
  if (select.selectedOptions[0]?.disabled) select.value = license.entitlements.max_quality;
}
