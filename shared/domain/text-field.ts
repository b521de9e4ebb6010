import * as z from 'zod';

/**
 * A free-text field of a request: trimmed, not empty, at most `max` characters as people count
 * them (one per Chinese character or emoji, not per UTF-16 unit). Messages in Simplified Chinese.
 */
export function text(label: string, max: number) {
  return z
    .string({ error: `${label}必须是文字` })
    .trim()
    .min(1, `${label}不能为空`)
    .refine((value) => [...value].length <= max, `${label}不能超过${max}个字`)
    .meta({ maxLength: max, description: label });
}
