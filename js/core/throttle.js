// Rate limits for writes to Python: throttle (at most one per interval during a drag, always the
// last one) and debounce (once, after a pause: the end of a wheel gesture).

/**
 * @typedef {object} Limited
 * @property {() => void} call    ask for a run (it happens now or later, by the limit)
 * @property {() => void} flush   run now if a call is waiting
 * @property {() => void} cancel  drop a waiting call
 */

/**
 * A call of `fn` that may wait on a timer: `after(ms)` arms it, `flush` runs it early.
 * @param {() => void} fn
 */
function delayed(fn) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const run = () => {
    timer = undefined;
    fn();
  };
  return {
    run,
    waiting: () => timer !== undefined,
    /** @param {number} ms */
    after(ms) {
      clearTimeout(timer);
      timer = setTimeout(run, ms);
    },
    flush() {
      if (timer !== undefined) {
        clearTimeout(timer);
        run();
      }
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

/**
 * Run `fn` at most every `ms` (leading edge), and once more after the last call (trailing).
 * @param {() => void} fn
 * @param {number} ms
 * @param {() => number} [now]
 * @returns {Limited}
 */
export function throttle(fn, ms, now = () => performance.now()) {
  let last = -Infinity;
  const d = delayed(() => {
    last = now();
    fn();
  });
  return {
    call() {
      const wait = ms - (now() - last);
      if (wait <= 0) {
        d.cancel();
        d.run();
      } else if (!d.waiting()) {
        d.after(wait);
      }
    },
    flush: d.flush,
    cancel: d.cancel,
  };
}

/**
 * Run `fn` once, `ms` after the last call (a pause ends the burst of calls).
 * @param {() => void} fn
 * @param {number} ms
 * @returns {Limited}
 */
export function debounce(fn, ms) {
  const d = delayed(fn);
  return { call: () => d.after(ms), flush: d.flush, cancel: d.cancel };
}
