import type { ForwardedFrom } from './case';
import { FORWARDING_SOURCE_LABELS } from './case-kinds';

/** A forwarded letter's source as staff views, lists and exports show it. */
export function forwardedView(forwarded: ForwardedFrom) {
  return { ...forwarded, sourceLabel: FORWARDING_SOURCE_LABELS[forwarded.source] };
}
