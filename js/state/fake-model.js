// For tests: a model like anywidget's (get/set/save_changes/on/off/send, change events fired
// synchronously on set), recording what the view saves and sends, and a way to play Python.

/**
 * @param {Record<string, any>} state  the traits
 */
export function fakeModel(state) {
  /** @type {Map<string, Set<Function>>} */
  const listeners = new Map();
  /** @type {Record<string, any>[]} */
  const saves = [];
  /** @type {any[]} */
  const sent = [];
  /** @type {Record<string, any>} */
  let pending = {};
  /** @param {string} k */
  const fire = (k) => {
    for (const f of listeners.get(`change:${k}`) ?? []) f();
  };
  return {
    state,
    /** every save_changes: the traits set since the previous one */
    saves,
    /** custom messages to Python */
    sent,
    listeners,
    send: (/** @type {any} */ content) => sent.push(content),
    get: (/** @type {string} */ k) => state[k],
    /** The view sets a trait (sent on the next save_changes). */
    set(/** @type {string} */ k, /** @type {any} */ v) {
      state[k] = v;
      pending[k] = v;
      fire(k);
    },
    save_changes() {
      saves.push(pending);
      pending = {};
    },
    on(/** @type {string} */ e, /** @type {Function} */ f) {
      if (!listeners.has(e)) listeners.set(e, new Set());
      listeners.get(e)?.add(f);
    },
    off(/** @type {string} */ e, /** @type {Function} */ f) {
      listeners.get(e)?.delete(f);
    },
    /** Python sets a trait: the change arrives, nothing is to be sent back. */
    fromPython(/** @type {string} */ k, /** @type {any} */ v) {
      state[k] = v;
      fire(k);
    },
    /** Python sends a custom message to the view. */
    message(/** @type {any} */ content) {
      for (const f of listeners.get("msg:custom") ?? []) f(content, []);
    },
    /** number of listeners attached */
    count() {
      let k = 0;
      for (const s of listeners.values()) k += s.size;
      return k;
    },
  };
}

/**
 * The traits of a four-leaf tree, ((0, 1) at 1, (2, 3) at 2) at 5, cut at 3 (two clusters);
 * nodes 4 = (0, 1), 5 = (2, 3), 6 = root. No labels: rows show as "0".."3".
 * @param {Record<string, any>} [extra]  traits to override
 * @returns {Record<string, any>}
 */
export function fourLeaves(extra = {}) {
  return {
    _tree: {
      n: 4,
      left: new DataView(new Int32Array([0, 2, 4]).buffer),
      right: new DataView(new Int32Array([1, 3, 5]).buffer),
      height: new DataView(new Float64Array([1, 2, 5]).buffer),
    },
    _labels: {},
    _tooltips: {},
    cut_height: 3,
    selection: [],
    view_window: [],
    search: "",
    orientation: "top",
    height: 420,
    title: "",
    axis_label: "distance",
    palette: ["#0072B2", "#E69F00"],
    busy: false,
    ...extra,
  };
}
