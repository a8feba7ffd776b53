// The description with the words the analysis used marked (<mark>), so a person sees what was read from
// it: "Demonstrate [bubble] [sort] on [5] [3] [8] [1]". Matching is by whole words, ignoring case.
interface Props {
  text: string;
  words: string[];
}

export function Highlighted({ text, words }: Props) {
  const used = new Set(words.map((w) => w.toLowerCase()));
  const parts = text.split(/([\p{L}\p{N}][\p{L}\p{N}.'-]*)/u);
  return (
    <p class="highlighted" id="highlighted">
      {parts.map((part, i) => {
        const bare = part.replace(/[.'-]+$/, '').toLowerCase();
        return i % 2 === 1 && (used.has(part.toLowerCase()) || used.has(bare)) ? <mark key={i}>{part}</mark> : part;
      })}
    </p>
  );
}
