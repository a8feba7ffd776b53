// devforge preview "<description>": serves the realtime player on localhost for a look.
export async function previewCommand(_args: string[]): Promise<number> {
  throw new Error('preview: not yet available');
}
