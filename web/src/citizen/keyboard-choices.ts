/**
 * Vant's radios, checkboxes and switches take focus (tabindex 0) but answer only to a tap. So that
 * the citizen form works with a keyboard alone, Space or Enter on a focused one presses it, as on
 * a native control (WAI-ARIA: radio, checkbox and switch are operated with Space).
 */
const PRESSABLE = new Set(['radio', 'checkbox', 'switch']);

export function pressChoicesFromKeyboard(root: Document): void {
  root.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    if (event.key !== ' ' && event.key !== 'Enter') return;
    if (!target || !PRESSABLE.has(target.getAttribute('role') ?? '')) return;
    event.preventDefault();
    target.click();
  });
}
