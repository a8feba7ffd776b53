// A template's thumbnail: its example drawn by the real player at its poster frame (the frame the export's
// poster PNG shows), made in the browser when the card scrolls into view and kept for the session. One at a
// time through a queue: each needs a WebGL context, and browsers allow only a few at once. Until it is
// drawn (or where WebGL is unavailable) the card shows its category's initial.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { Template } from '../api-types.ts';

const WIDTH = 320;
const HEIGHT = 180;
const made = new Map<string, Promise<string>>();
let queue: Promise<unknown> = Promise.resolve();

async function draw(t: Template): Promise<string> {
  const { scene, assets } = await api.preview({ description: t.example, template: t.id });
  const canvas = document.createElement('canvas');
  const player = new window.DevForge.ScenePlayer(canvas, scene, { math: assets.math }, {});
  try {
    await player.prepare();
    const at = scene.meta.posterTime ?? scene.duration;
    player.drawFrame(Math.min(player.frameCount - 1, Math.round(at * scene.fps)));
    const small = document.createElement('canvas');
    small.width = WIDTH;
    small.height = HEIGHT;
    small.getContext('2d')!.drawImage(canvas, 0, 0, WIDTH, HEIGHT);
    return small.toDataURL('image/webp', 0.8);
  } finally {
    player.dispose();
  }
}

function thumbnailOf(t: Template): Promise<string> {
  let p = made.get(t.id);
  if (!p) {
    p = queue.then(() => draw(t));
    queue = p.catch(() => undefined);
    made.set(t.id, p);
  }
  return p;
}

export function Thumbnail({ template }: { template: Template }) {
  const box = useRef<HTMLDivElement>(null);
  const [src, setSrc] = useState<string | undefined>(undefined);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let live = true;
    const seen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      seen.disconnect();
      thumbnailOf(template).then(
        (url) => live && setSrc(url),
        () => undefined,
      );
    });
    seen.observe(el);
    return () => {
      live = false;
      seen.disconnect();
    };
  }, [template]);
  return (
    <div class="thumb" ref={box} data-category={template.category}>
      {src ? <img src={src} alt="" width={WIDTH} height={HEIGHT} /> : <span aria-hidden="true">{template.category.charAt(0).toUpperCase()}</span>}
    </div>
  );
}
