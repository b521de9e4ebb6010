import type { Clock } from '../ports/clock';
import { SETTING_ENV } from './environment';

export const systemClock: Clock = {
  now: () => new Date(),
  timerSecondsUntil: (instant) => Math.max(0, Math.ceil((instant.getTime() - Date.now()) / 1000)),
};

/**
 * A clock that starts at `start` and runs `scale` times faster than real time: only ever used
 * locally (CIVICLINE_TIME_SCALE), so deadlines of days pass in seconds in demos and tests.
 */
export function scaledClock(scale: number, start: Date, realStart = Date.now()): Clock {
  const clockAt = (real: number) => new Date(start.getTime() + (real - realStart) * scale);
  return {
    now: () => clockAt(Date.now()),
    timerSecondsUntil: (instant) =>
      Math.max(0, (instant.getTime() - clockAt(Date.now()).getTime()) / 1000 / scale),
  };
}

let configured: Clock | undefined;

export function configuredClock(): Clock {
  if (configured) return configured;
  const scale = Number(process.env[SETTING_ENV.timeScale] ?? '1');
  const start = process.env[SETTING_ENV.clockStart];
  if ((Number.isFinite(scale) && scale > 0 && scale !== 1) || start) {
    const realStart = Number(process.env.CIVICLINE_CLOCK_REAL_START ?? Date.now());
    configured = scaledClock(scale > 0 ? scale : 1, start ? new Date(start) : new Date(realStart), realStart);
  } else {
    configured = systemClock;
  }
  return configured;
}
