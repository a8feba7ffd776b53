// 3D meshes (molecules, polyhedra, solids) on the world layer, lit, and groups that hold objects.
import * as THREE from 'three';
import { applyTransform, num, setColor, type Drawable, type Layer, type Props } from './drawable.ts';

function geometryFor(p: Props): THREE.BufferGeometry {
  const r = num(p.radius, 1);
  const h = num(p.height, 1);
  switch (p.shape) {
    case 'sphere':
      return new THREE.SphereGeometry(r, 48, 32);
    case 'box':
      return new THREE.BoxGeometry(num(p.width, 1), h, num(p.depth, 1));
    case 'cylinder':
      return new THREE.CylinderGeometry(r, r, h, 32);
    case 'cone':
      return new THREE.ConeGeometry(r, h, 48);
    case 'torus':
      return new THREE.TorusGeometry(r, r * 0.35, 32, 96);
    case 'pyramid':
      return new THREE.ConeGeometry(r, h, 4, 1);
    case 'tetrahedron':
      return new THREE.TetrahedronGeometry(r);
    case 'octahedron':
      return new THREE.OctahedronGeometry(r);
    case 'dodecahedron':
      return new THREE.DodecahedronGeometry(r);
    case 'icosahedron':
      return new THREE.IcosahedronGeometry(r);
    default:
      return new THREE.SphereGeometry(r, 32, 16);
  }
}

export class MeshDrawable implements Drawable {
  readonly layer = 'world' as const;
  readonly node = new THREE.Group();
  private readonly mesh: THREE.Mesh<THREE.BufferGeometry, THREE.MeshStandardMaterial>;
  private readonly edgeLines: THREE.LineSegments<THREE.EdgesGeometry, THREE.LineBasicMaterial> | undefined;
  private key = '';

  constructor(initial: Props) {
    const material = new THREE.MeshStandardMaterial({
      wireframe: Boolean(initial.wireframe),
      flatShading: Boolean(initial.flatShading),
    });
    this.mesh = new THREE.Mesh(geometryFor(initial), material);
    this.node.add(this.mesh);
    if (initial.edges) {
      this.edgeLines = new THREE.LineSegments(new THREE.EdgesGeometry(this.mesh.geometry, 1), new THREE.LineBasicMaterial({ color: 0xffffff }));
      this.node.add(this.edgeLines);
    }
  }

  update(p: Props): void {
    // The shape and dimensions geometryFor builds from: a change to any of them needs a new geometry.
    const key = [String(p.shape), num(p.radius, 1), num(p.height, 1), num(p.width, 1), num(p.depth, 1)].join('|');
    if (key !== this.key) {
      this.key = key;
      this.mesh.geometry.dispose();
      this.mesh.geometry = geometryFor(p);
      if (this.edgeLines) {
        this.edgeLines.geometry.dispose();
        this.edgeLines.geometry = new THREE.EdgesGeometry(this.mesh.geometry, 1);
      }
    }
    applyTransform(this.node, p);
    const from = p.from as unknown as [number, number, number] | undefined;
    const to = p.to as unknown as [number, number, number] | undefined;
    if (from && to) {
      // A cylinder between two points (a bond): centre it and turn its axis (y) onto the segment.
      const a = new THREE.Vector3(...from);
      const b = new THREE.Vector3(...to);
      const dir = b.clone().sub(a);
      this.node.position.copy(a.add(b).multiplyScalar(0.5));
      this.node.quaternion.setFromUnitVectors(new THREE.Vector3(0, 1, 0), dir.clone().normalize());
      this.node.scale.set(1, dir.length() / num(p.height, 1), 1);
    }
    const opacity = num(p.opacity, 1);
    const material = this.mesh.material;
    setColor(material, p.color, opacity);
    material.transparent = opacity < 1;
    material.depthWrite = opacity >= 1;
    material.metalness = num(p.metalness, 0.1);
    material.roughness = num(p.roughness, 0.5);
    if (this.edgeLines) {
      this.edgeLines.material.opacity = opacity;
      this.edgeLines.material.transparent = opacity < 1;
    }
  }

  dispose(): void {
    this.mesh.geometry.dispose();
    this.mesh.material.dispose();
    this.edgeLines?.geometry.dispose();
    this.edgeLines?.material.dispose();
  }
}

/**
 * A group exists on both layers (a molecule's meshes are on the world layer, its caption on the
 * screen layer); both copies take the same transform.
 */
export class GroupDrawable implements Drawable {
  readonly layer: Layer = 'screen';
  readonly node = new THREE.Group();
  readonly worldNode = new THREE.Group();
  update(p: Props): void {
    applyTransform(this.node, p);
    applyTransform(this.worldNode, p);
  }
  dispose(): void {}
}
