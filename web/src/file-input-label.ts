import type { Directive } from 'vue';

/** The names a file picker's controls go by: its file input, and each preview image in order. */
export interface FilePickerNames {
  readonly input: string;
  readonly previews?: readonly string[];
}

/**
 * Vant's and Element Plus's file pickers render their `<input type="file">` (and Vant its preview
 * images) without names, which screen readers announce as unlabeled (axe: `label`, `image-alt`).
 * This names them, again whenever the picker renders anew (a file added or removed).
 */
export const vFileInputLabel: Directive<HTMLElement, FilePickerNames | string> = {
  mounted: nameControls,
  updated: nameControls,
};

function nameControls(element: HTMLElement, binding: { value: FilePickerNames | string }) {
  const names = typeof binding.value === 'string' ? { input: binding.value } : binding.value;
  for (const input of element.querySelectorAll('input[type="file"]'))
    input.setAttribute('aria-label', names.input);
  element.querySelectorAll('img').forEach((image, index) => {
    image.setAttribute('alt', names.previews?.[index] ?? '附件预览');
  });
}
