import { chinaToday } from '@paicha/core';

/** Time source. Tests pass a fixed clock so deadline logic can be checked around due dates. */
export interface Clock {
  now(): Date;
  /** Today's date in China, YYYY-MM-DD. */
  today(): string;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => chinaToday(),
};

export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let at = new Date(iso);
  return {
    now: () => new Date(at),
    today: () => chinaToday(at),
    set(next: string) {
      at = new Date(next);
    },
  };
}
