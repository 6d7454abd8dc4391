// The keypad: twelve keys with their letters, clicked or typed.
import { h } from './render.js';

const KEYS = [
  ['1', ''],
  ['2', 'ABC'],
  ['3', 'DEF'],
  ['4', 'GHI'],
  ['5', 'JKL'],
  ['6', 'MNO'],
  ['7', 'PQRS'],
  ['8', 'TUV'],
  ['9', 'WXYZ'],
  ['*', ''],
  ['0', '+'],
  ['#', ''],
];

/** Builds the keypad into `container`; onKey(key) is called for clicks and for keys typed on the page. */
export function buildKeypad(container, onKey) {
  container.replaceChildren(
    ...KEYS.map(([key, letters]) => {
      const button = h(
        'button',
        { class: 'key', type: 'button', 'data-key': key, 'aria-label': `Key ${key}`, disabled: true },
        h('b', { text: key }),
        h('small', { text: letters }),
      );
      button.addEventListener('click', () => onKey(key));
      return button;
    }),
  );
  document.addEventListener('keydown', (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.target instanceof HTMLSelectElement || ev.target instanceof HTMLInputElement) return;
    const button = container.querySelector(`button[data-key="${CSS.escape(ev.key)}"]`);
    if (!button || button.disabled) return;
    ev.preventDefault();
    button.classList.add('flash');
    setTimeout(() => button.classList.remove('flash'), 150);
    onKey(ev.key);
  });
}
