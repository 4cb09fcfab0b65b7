// Changes coming from Python: one listener per trait of the tables in state/synced.js. A synced
// trait is adopted (read, validated, never written back); an input reloads what depends on it.
import { INPUTS, SYNCED } from "./state/synced.js";

/**
 * Listen to the model's trait changes; returns the function that stops listening.
 * @param {import("./state/synced.js").Model} model
 * @param {import("./state/state.js").State} state
 * @returns {() => void}
 */
export function listenModel(model, state) {
  /** @type {[string, () => void][]} */
  const handlers = [];
  for (const key of /** @type {import("./state/synced.js").SyncedName[]} */ (Object.keys(SYNCED))) {
    handlers.push([`change:${key}`, () => state.adopt(key)]);
  }
  for (const [key, what] of Object.entries(INPUTS)) {
    handlers.push([`change:${key}`, () => state.reload(what)]);
  }
  for (const [event, cb] of handlers) model.on(event, cb);
  return () => {
    for (const [event, cb] of handlers) model.off(event, cb);
  };
}
