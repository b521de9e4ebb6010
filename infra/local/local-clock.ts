import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTING_ENV } from '../../shared/runtime/environment';

/**
 * A fast local clock (CIVICLINE_TIME_SCALE, optionally CIVICLINE_CLOCK_START) must survive a
 * restart like the data does: the moment it was started is kept beside the data, so after a
 * restart the clock carries on (having run on while the server was down) instead of jumping back.
 */
export function localClockEnvironment(stateDir: string): Record<string, string> {
  const scale = process.env[SETTING_ENV.timeScale];
  const start = process.env[SETTING_ENV.clockStart];
  if (!scale && !start) return {};
  const file = join(stateDir, 'clock.json');
  const settings = { scale: scale ?? '1', start: start ?? '' };
  let realStart = Date.now();
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as typeof settings & { realStart: number };
    if (saved.scale === settings.scale && saved.start === settings.start) realStart = saved.realStart;
  }
  writeFileSync(file, JSON.stringify({ ...settings, realStart }));
  return { CIVICLINE_CLOCK_REAL_START: String(realStart) };
}
