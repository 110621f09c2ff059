/**
 * The "/" keyboard shortcut: focuses the page's search field unless the user is typing
 * somewhere already. The search page's own field (data-search-primary) wins over the header's.
 */

/** Input types that take no typed text: "/" pressed on them still means "go to search". */
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** True when a key press belongs to a text field, select, or editable region. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TYPED.has(target.type);
  return target.isContentEditable || target.closest('textarea, select, [contenteditable]') !== null;
}

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  if (isTypingTarget(event.target)) return;
  const field =
    document.querySelector<HTMLInputElement>('input[data-search-primary]') ??
    document.querySelector<HTMLInputElement>('input[data-search-input]');
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.select();
});
