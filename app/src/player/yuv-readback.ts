// Reads a drawn frame back as planar YUV 4:2:0 (BT.709, limited range) instead of RGBA: the GPU does
// the colour conversion and chroma averaging, and the readback, upload and ffmpeg input shrink from
// 4 to 1.5 bytes a pixel (ffmpeg also skips its own RGB → YUV conversion, which costs it a core).
//
// Layout: the target is (W/4) x (1.5 H) RGBA texels, each texel four bytes of the output. Read top to
// bottom (readPixels row 0 first) it is exactly ffmpeg's yuv420p: the Y plane (H rows of W bytes),
// then U (H/2 rows of W/2 bytes, two per texel row), then V.
import * as THREE from 'three';

const VERTEX = /* glsl */ `
in vec3 position;
void main() { gl_Position = vec4(position.xy, 0.0, 1.0); }
`;

const FRAGMENT = /* glsl */ `
precision highp float;
uniform sampler2D frame;
uniform vec2 size; // W, H of the frame
out vec4 outColor;

vec3 rgbAt(vec2 topLeftPixel) {
  // Image coordinates from the top-left; the texture's v axis points up.
  return texture(frame, vec2(topLeftPixel.x / size.x, 1.0 - topLeftPixel.y / size.y)).rgb;
}
float lumaByte(vec3 c) { return floor(16.0 + 219.0 * dot(c, vec3(0.2126, 0.7152, 0.0722)) + 0.5) / 255.0; }
float uByte(vec3 c) { return floor(128.0 + 224.0 * dot(c, vec3(-0.1146, -0.3854, 0.5)) + 0.5) / 255.0; }
float vByte(vec3 c) { return floor(128.0 + 224.0 * dot(c, vec3(0.5, -0.4542, -0.0458)) + 0.5) / 255.0; }

void main() {
  float W = size.x;
  float H = size.y;
  float tx = floor(gl_FragCoord.x);
  float row = floor(gl_FragCoord.y); // row 0 is read back first
  vec4 bytes;
  if (row < H) {
    for (int k = 0; k < 4; k++) {
      // Pixel centres: linear filtering returns the pixel itself.
      bytes[k] = lumaByte(rgbAt(vec2(tx * 4.0 + float(k) + 0.5, row + 0.5)));
    }
  } else {
    bool isU = row < H * 1.25;
    float planeRow = row - (isU ? H : H * 1.25);
    for (int k = 0; k < 4; k++) {
      float b = tx * 4.0 + float(k);
      float halfW = W * 0.5;
      float cRow = planeRow * 2.0 + floor(b / halfW);
      float cCol = mod(b, halfW);
      // The corner shared by a 2x2 block: linear filtering averages the four pixels.
      vec3 c = rgbAt(vec2(cCol * 2.0 + 1.0, cRow * 2.0 + 1.0));
      bytes[k] = isU ? uByte(c) : vByte(c);
    }
  }
  outColor = bytes;
}
`;

export function supportsYuv(width: number, height: number): boolean {
  return width % 8 === 0 && height % 4 === 0;
}

export class YuvReadback {
  private readonly renderer: THREE.WebGLRenderer;
  private readonly frame: THREE.FramebufferTexture;
  private readonly target: THREE.WebGLRenderTarget;
  private readonly scene = new THREE.Scene();
  private readonly camera = new THREE.OrthographicCamera(-1, 1, 1, -1, 0, 1);
  private readonly material: THREE.RawShaderMaterial;
  private readonly width: number;
  private readonly height: number;

  constructor(renderer: THREE.WebGLRenderer, width: number, height: number) {
    if (!supportsYuv(width, height)) throw new Error(`YUV readback needs a width divisible by 8 and a height by 4, got ${width}x${height}`);
    this.renderer = renderer;
    this.width = width;
    this.height = height;
    this.frame = new THREE.FramebufferTexture(width, height);
    this.frame.minFilter = THREE.LinearFilter;
    this.frame.magFilter = THREE.LinearFilter;
    this.target = new THREE.WebGLRenderTarget(width / 4, height * 1.5, {
      depthBuffer: false,
      stencilBuffer: false,
      minFilter: THREE.NearestFilter,
      magFilter: THREE.NearestFilter,
      generateMipmaps: false,
    });
    this.material = new THREE.RawShaderMaterial({
      glslVersion: THREE.GLSL3,
      vertexShader: VERTEX,
      fragmentShader: FRAGMENT,
      uniforms: { frame: { value: this.frame }, size: { value: new THREE.Vector2(width, height) } },
      depthTest: false,
      depthWrite: false,
    });
    const quad = new THREE.Mesh(new THREE.PlaneGeometry(2, 2), this.material);
    quad.frustumCulled = false;
    this.scene.add(quad);
  }

  get byteLength(): number {
    return (this.width * this.height * 3) / 2;
  }

  /** Call right after drawing into the canvas. */
  read(): Uint8Array<ArrayBuffer> {
    const r = this.renderer;
    r.copyFramebufferToTexture(this.frame);
    r.setRenderTarget(this.target);
    r.render(this.scene, this.camera);
    const out = new Uint8Array(this.byteLength);
    r.readRenderTargetPixels(this.target, 0, 0, this.width / 4, this.height * 1.5, out);
    r.setRenderTarget(null);
    return out;
  }

  dispose(): void {
    this.frame.dispose();
    this.target.dispose();
    this.material.dispose();
  }
}
