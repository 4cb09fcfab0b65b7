import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { debounce, throttle } from "./throttle.js";

describe("throttle", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const clock = () => Date.now();

  it("runs at once, then at most every interval, and once after the last call", () => {
    const fn = vi.fn();
    const t = throttle(fn, 100, clock);
    t.call();
    expect(fn).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(20);
      t.call();
    }
    // 200 ms of calls every 20 ms: the leading call plus one per 100 ms.
    expect(fn.mock.calls.length).toBeLessThanOrEqual(3);
    vi.advanceTimersByTime(200);
    const n = fn.mock.calls.length;
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(n);
  });

  it("flush runs a waiting call now; cancel drops it", () => {
    const fn = vi.fn();
    const t = throttle(fn, 100, clock);
    t.call();
    t.call();
    expect(fn).toHaveBeenCalledTimes(1);
    t.flush();
    expect(fn).toHaveBeenCalledTimes(2);
    t.flush();
    expect(fn).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10);
    t.call();
    t.cancel();
    vi.advanceTimersByTime(500);
    expect(fn).toHaveBeenCalledTimes(2);
  });
});

describe("debounce", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs once, after the calls pause", () => {
    const fn = vi.fn();
    const d = debounce(fn, 200);
    for (let i = 0; i < 10; i++) {
      d.call();
      vi.advanceTimersByTime(50);
    }
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(150);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("flush runs a waiting call now; cancel drops it", () => {
    const fn = vi.fn();
    const d = debounce(fn, 200);
    d.flush();
    expect(fn).not.toHaveBeenCalled();
    d.call();
    d.flush();
    expect(fn).toHaveBeenCalledTimes(1);
    d.call();
    d.cancel();
    vi.advanceTimersByTime(500);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
