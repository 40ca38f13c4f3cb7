/** Timing for the pure-code benches: the median of several runs after warm-up. */
import { median } from '../shared/statistics';

/** Median time of `runs` calls after `warmUp` untimed ones (which let V8 optimise the code). */
export function time<T>(runs: number, f: () => T, warmUp = 1): { ms: number; value: T } {
  const times: number[] = [];
  let value = f();
  for (let i = 1; i < warmUp; i++) value = f();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = f();
    times.push(performance.now() - t);
  }
  return { ms: median(times) ?? NaN, value };
}
