import * as z from 'zod/mini';

/**
 * A free-text field of a request: trimmed, not empty, at most `max` characters as people count
 * them (one per Chinese character or emoji, not per UTF-16 unit). Messages in Simplified Chinese.
 */
export function text(label: string, max: number) {
  return z.string({ error: `${label}必须是文字` }).check(
    z.trim(),
    z.minLength(1, `${label}不能为空`),
    z.refine((value) => [...value].length <= max, `${label}不能超过${max}个字`),
    z.meta({ maxLength: max, description: label }),
  );
}
