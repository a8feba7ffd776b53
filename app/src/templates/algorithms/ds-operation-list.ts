// The operations of a data-structure animation listed beside it: the running one is marked and
// coloured, finished ones are dimmed, so viewers always know where in the script they are.
import { roleColor } from '../emphasis/roles.ts';
import type { AlgoScene } from './algo-scene.ts';

export interface ListArea {
  x: number;
  top: number;
  bottom: number;
  /** With a width, a long list flows into further columns instead of squeezing its rows. */
  columnWidth?: number;
}

export class OperationList {
  private readonly scene: AlgoScene;
  private readonly operations: string[];

  constructor(scene: AlgoScene, operations: string[], area: ListArea) {
    this.scene = scene;
    this.operations = operations;
    const height = area.top - area.bottom - 0.5;
    const perColumn = area.columnWidth ? Math.max(1, Math.floor(height / 0.4) + 1) : Math.max(1, operations.length);
    const rows = Math.min(perColumn, operations.length);
    const gap = Math.min(0.42, height / Math.max(1, rows));
    const size = Math.max(0.28, Math.min(0.34, gap * 0.8));
    scene.add({ id: 'opsHead', type: 'text', text: 'operations', x: area.x, y: area.top, size: 0.3, font: 'mono', align: 'left', color: '$muted' });
    operations.forEach((op, i) => {
      const column = Math.floor(i / perColumn);
      const x = area.x + column * (area.columnWidth ?? 0);
      scene.add({ id: `op${i}`, type: 'text', text: `  ${i + 1}. ${op}`, x, y: area.top - 0.5 - (i % perColumn) * gap, size, font: 'mono', align: 'left', color: '$foreground' });
    });
  }

  show(): void {
    this.scene.tl.appear('opsHead', 0.4);
    this.operations.forEach((_, i) => this.scene.tl.appear(`op${i}`, 0.4));
  }

  start(i: number): void {
    const tl = this.scene.tl;
    tl.setText(`op${i}`, `▶ ${i + 1}. ${this.operations[i]}`);
    tl.add({ type: 'tween', target: `op${i}`, property: 'color', to: roleColor('current'), start: tl.t, duration: 0.2 });
  }

  finish(i: number): void {
    const tl = this.scene.tl;
    tl.setText(`op${i}`, `  ${i + 1}. ${this.operations[i]}`);
    tl.add({ type: 'tween', target: `op${i}`, property: 'color', to: '$muted', start: tl.t, duration: 0.2 });
  }
}
