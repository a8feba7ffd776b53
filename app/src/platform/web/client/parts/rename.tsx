// Renaming an animation in place (library cards and the animation page): a "Rename" button that turns
// into a labelled field with Save and Cancel. The title is the library's label only; the description
// (what was asked) and the files stay. An empty field makes it untitled again (the description shows).
import { useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import type { Animation } from '../api-types.ts';

/** What the library and the page call an animation: its title, else its description. */
export const displayName = (a: Pick<Animation, 'title' | 'description'>) => a.title ?? a.description;

export function Rename({ a, onRenamed }: { a: Animation; onRenamed: (renamed: Animation) => void }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const fieldId = `rename-${a.id}`;
  if (!editing)
    return (
      <button
        type="button"
        class="secondary rename"
        onClick={() => {
          setValue(a.title ?? '');
          setError('');
          setEditing(true);
        }}
        aria-label={`Rename: ${displayName(a)}`}
      >
        Rename
      </button>
    );
  const save = () => {
    const title = value.trim();
    api.rename(a.id, title || null).then(
      (renamed) => {
        setEditing(false);
        onRenamed(renamed);
      },
      (err) => setError(messageOf(err)),
    );
  };
  return (
    <form
      class="rename-form row"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div class="field">
        <label for={fieldId}>New title</label>
        <input
          id={fieldId}
          value={value}
          maxLength={200}
          placeholder={a.description}
          aria-describedby={`${fieldId}-help${error ? ` ${fieldId}-error` : ''}`}
          onInput={(e) => setValue(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
          ref={(el) => el?.focus()}
        />
        <p class="help small" id={`${fieldId}-help`}>
          Leave it empty to show the description again.
        </p>
        {error && (
          <p class="error" role="alert" id={`${fieldId}-error`}>
            {error}
          </p>
        )}
      </div>
      <button type="submit">Save</button>
      <button type="button" class="secondary" onClick={() => setEditing(false)}>
        Cancel
      </button>
    </form>
  );
}
