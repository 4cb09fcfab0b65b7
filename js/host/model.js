// A tiny stand-in for anywidget's model on a page with no kernel (Dendrogram.to_html, nbconvert):
// get/set/on/off/save_changes/send with Backbone's change events, and the decoding of a saved
// widget state (binary buffers as base64) into the values a live model would hold.

/**
 * @typedef {object} PageModel
 * @property {(key: string) => any} get
 * @property {(key: string, value: any) => void} set   fires "change:<key>" then "change"
 * @property {() => void} save_changes                  counts saves (no kernel to send them to)
 * @property {(event: string, cb: (...args: any[]) => void) => void} on
 * @property {(event?: string | null, cb?: ((...args: any[]) => void) | null) => void} off
 * @property {(content: any, callbacks?: any, buffers?: any) => void} send  custom messages go nowhere
 * @property {() => number} saves
 * @property {false} kernel  no kernel answers: the view hides what needs Python (Suggest)
 */

/**
 * @param {Record<string, any>} state  decoded values, owned by the model from now on
 * @returns {PageModel}
 */
export function makeModel(state) {
  /** @type {Map<string, Set<(...args: any[]) => void>>} */
  const listeners = new Map();
  let saves = 0;
  /** @param {string} event @param {...any} args */
  const emit = (event, ...args) => {
    for (const cb of [...(listeners.get(event) ?? [])]) cb(...args);
  };
  const model = {
    /** @param {string} key */
    get: (key) => state[key],
    /** @param {string} key @param {any} value */
    set(key, value) {
      if (Object.is(state[key], value)) return; // Backbone fires nothing for an unchanged value
      state[key] = value;
      emit(`change:${key}`, model, value);
      emit("change", model);
    },
    save_changes() {
      saves += 1;
    },
    /** @param {string} event @param {(...args: any[]) => void} cb */
    on(event, cb) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)?.add(cb);
    },
    /** @param {string | null} [event] @param {((...args: any[]) => void) | null} [cb] */
    off(event, cb) {
      const names = event ? [event] : [...listeners.keys()];
      for (const name of names) {
        if (cb) listeners.get(name)?.delete(cb);
        else listeners.delete(name);
      }
    },
    send() {},
    saves: () => saves,
    kernel: /** @type {false} */ (false),
  };
  return model;
}

/**
 * Bytes of a base64 string (the browser's own decoder where it has one: fast for megabytes).
 * @param {string} text
 * @returns {Uint8Array}
 */
export function fromBase64(text) {
  const native = /** @type {any} */ (Uint8Array).fromBase64;
  if (typeof native === "function") return native(text);
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/**
 * A saved model's state with its buffers put back at their paths, as DataViews (what a live
 * model holds). Paths that do not lead into the state are skipped.
 * @param {Record<string, any>} state
 * @param {{path: (string | number)[], encoding?: string, data: string}[]} buffers
 * @returns {Record<string, any>}
 */
export function decodeState(state, buffers) {
  const out = structuredClone(state);
  for (const b of buffers) {
    if (!Array.isArray(b.path) || !b.path.length || typeof b.data !== "string") continue;
    const bytes = b.encoding === "hex" ? fromHex(b.data) : fromBase64(b.data);
    let obj = out;
    for (const key of b.path.slice(0, -1)) obj = obj?.[key];
    if (obj && typeof obj === "object") obj[b.path[b.path.length - 1]] = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return out;
}

/** @param {string} text @returns {Uint8Array} */
function fromHex(text) {
  const out = new Uint8Array(text.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.substr(2 * i, 2), 16);
  return out;
}
