// A brief message over the canvas (why the wheel scrolled the page instead of zooming). Text
// only; it fades by itself and never takes the pointer.

const SHOW_MS = 2200;

/**
 * @param {HTMLElement} stage  positioned parent the message floats in
 * @param {AbortSignal} signal
 * @returns {(text: string) => void} show a message
 */
export function makeHint(stage, signal) {
  const box = document.createElement("div");
  box.className = "dendrowidget-hint";
  box.setAttribute("role", "status");
  box.hidden = true;
  stage.append(box);
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  signal.addEventListener("abort", () => clearTimeout(timer));
  return (text) => {
    box.textContent = text;
    box.hidden = false;
    clearTimeout(timer);
    timer = setTimeout(() => {
      box.hidden = true;
    }, SHOW_MS);
  };
}
