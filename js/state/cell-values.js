// Exact values of heatmap cells, asked of Python: the view holds quantised codes only, so the
// tooltip of a cell sends {type: "cell", id, leaf, kind, column} and Python answers with the
// same keys plus value (a number or null) and text. Answers are kept (a few thousand), each
// request is sent once, and an answer that does not match a request is ignored.

const KEEP = 5000;

/**
 * @typedef {{value: number, text: string}} Exact
 */

/**
 * @param {import("./synced.js").Model} model
 * @param {() => void} onArrive  an answer came in
 */
export function makeCellValues(model, onArrive) {
  /** @type {Map<string, Exact>} */
  const known = new Map();
  /** @type {Map<number, string>} request id -> key */
  const pending = new Map();
  let next = 1;

  /** @param {any} msg */
  function onMessage(msg) {
    if (!msg || msg.type !== "cell" || !pending.has(msg.id)) return;
    const key = /** @type {string} */ (pending.get(msg.id));
    pending.delete(msg.id);
    const value = typeof msg.value === "number" && Number.isFinite(msg.value) ? msg.value : NaN;
    if (known.size >= KEEP) known.clear();
    known.set(key, { value, text: typeof msg.text === "string" ? msg.text.slice(0, 200) : "" });
    onArrive();
  }
  model.on("msg:custom", onMessage);

  return {
    /**
     * The exact value of a cell if it has arrived; else ask for it (once) and say nothing yet.
     * @param {"heatmap" | "strip"} kind @param {number} column @param {number} leaf
     * @returns {Exact | undefined}
     */
    get(kind, column, leaf) {
      const key = `${kind}:${column}:${leaf}`;
      const got = known.get(key);
      if (got) return got;
      if (![...pending.values()].includes(key)) {
        if (pending.size > 200) pending.clear(); // no kernel answers (a standalone page)
        const id = next++;
        pending.set(id, key);
        model.send({ type: "cell", id, leaf, kind, column });
      }
      return undefined;
    },
    /** Forget everything (new payloads). */
    reset() {
      known.clear();
      pending.clear();
    },
    dispose() {
      model.off("msg:custom", onMessage);
    },
  };
}

/** @typedef {ReturnType<typeof makeCellValues>} CellValues */
