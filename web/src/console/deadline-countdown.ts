/** Time left before a deadline, as a desk reads it: 剩余2天3小时, 已超期5小时10分. */
export function countdown(deadline: string | undefined, now: number): string {
  if (!deadline) return '';
  const minutes = Math.round((Date.parse(deadline) - now) / 60_000);
  const hours = Math.floor(Math.abs(minutes) / 60);
  const text =
    hours >= 24 ? `${Math.floor(hours / 24)}天${hours % 24}小时` : `${hours}小时${Math.abs(minutes) % 60}分`;
  return minutes >= 0 ? `剩余${text}` : `已超期${text}`;
}
