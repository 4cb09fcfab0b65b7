// The one rule for writing synced values to Python:
// - `final` (a click, a key, a button, the end of a gesture): the exact value, at once;
// - not final (a gesture in progress): by the key's `live` policy in synced.js: throttled writes
//   (the cut while dragging) or none until the gesture ends (the view window);
// - one save_changes per logical change, however many keys it sets;
// - nothing is written when the model already holds the value.
// A key with a gesture in progress is "live": values coming from Python do not override it.
import { SYNCED, THROTTLE_MS } from "./synced.js";
import { throttle } from "../core/throttle.js";

/** @typedef {import("./synced.js").SyncedName} SyncedName */

/**
 * @typedef {object} Writer
 * @property {(keys: SyncedName[], final: boolean) => void} changed  the view changed these values
 * @property {(key: SyncedName) => boolean} isLive  a gesture is changing it
 * @property {() => void} dispose  drop pending writes
 */

/**
 * @param {import("./synced.js").Model} model
 * @param {(key: SyncedName) => unknown} traitValue  the view's current value, in trait form
 * @returns {Writer}
 */
export function makeWriter(model, traitValue) {
  /** @type {Set<SyncedName>} */
  const live = new Set();
  /** @type {Map<SyncedName, ReturnType<typeof throttle>>} */
  const throttles = new Map();

  /** Write the keys whose value differs from the model's, with one save. @param {SyncedName[]} keys */
  function commit(keys) {
    /** @type {[SyncedName, unknown][]} */
    const changes = [];
    for (const key of keys) {
      const value = traitValue(key);
      if (!SYNCED[key].same(model.get(key), value)) changes.push([key, value]);
    }
    if (changes.length === 0) return;
    for (const [key, value] of changes) model.set(key, value);
    model.save_changes();
  }

  /** @param {SyncedName} key */
  function throttled(key) {
    let t = throttles.get(key);
    if (!t) throttles.set(key, (t = throttle(() => commit([key]), THROTTLE_MS)));
    return t;
  }

  return {
    changed(keys, final) {
      if (final) {
        for (const key of keys) {
          live.delete(key);
          throttles.get(key)?.cancel(); // the exact write below supersedes it
        }
        commit(keys);
        return;
      }
      for (const key of keys) {
        live.add(key);
        if (SYNCED[key].live === "throttle") throttled(key).call();
      }
    },
    isLive: (key) => live.has(key),
    dispose() {
      for (const t of throttles.values()) t.cancel();
      live.clear();
    },
  };
}
