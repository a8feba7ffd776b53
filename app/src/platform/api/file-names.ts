// The names an animation's files are saved under: the first words of its title or description, so a folder of
// downloads says what each one shows ("bubble-sort-of-5-3-8-1-3f2a9c1b.mp4"), with the id's first eight
// characters to keep two animations of the same description apart. ASCII only: the name goes into a
// Content-Disposition header, where anything else needs encoding some clients get wrong.

const MAX_WORDS_CHARS = 48;

export function readableFileName(description: string, id: string, ext: string): string {
  const words = description
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_WORDS_CHARS)
    .replace(/-[^-]*$/, (tail) => (tail.length > 12 ? '' : tail))
    .replace(/-+$/, '');
  return `${words || 'devforge'}-${id.slice(0, 8)}.${ext}`;
}
