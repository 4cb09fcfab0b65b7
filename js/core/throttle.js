// Writes to Python while dragging: at most one per interval, and always the last one.

/**
 * Run `fn` at most every `ms` (leading edge), and once more after the last call (trailing).
 * @param {() => void} fn
 * @param {number} ms
 * @param {() => number} [now]
 */
export function throttle(fn, ms, now = () => performance.now()) {
  let last = -Infinity;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const run = () => {
    timer = undefined;
    last = now();
    fn();
  };
  return {
    call() {
      const wait = ms - (now() - last);
      if (wait <= 0) {
        if (timer !== undefined) clearTimeout(timer);
        run();
      } else if (timer === undefined) {
        timer = setTimeout(run, wait);
      }
    },
    /** Run now if a call is waiting. */
    flush() {
      if (timer !== undefined) {
        clearTimeout(timer);
        run();
      }
    },
    /** Drop a waiting call. */
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
