import { describe, expect, it } from "vitest";
import { cull } from "./cull.js";
import { cutPosition, handleBox } from "./cut-line.js";
import { leafSide, makeFrame } from "./frame.js";
import { onCutLine } from "./hit.js";
import { computeLayout } from "./layout.js";
import { balanced } from "./testing.js";
import { fullWindow } from "./zoom.js";

const plot = { x: 10, y: 20, w: 400, h: 200 };

describe.each(/** @type {const} */ (["top", "bottom", "left", "right"]))("cut line, orientation %s", (o) => {
  const L = computeLayout(balanced(8));
  const full = fullWindow(L.n, L.top);
  const fr = makeFrame(o, plot, full);
  const list = cull(L, fr.win, fr.leafLen);
  /** @param {number | null} cut */
  const drawn = (cut) => ({ fr, list, cut, fullTop: full[3], labelBand: 40, side: leafSide(false) });

  it("sits at the cut, pinned to the edge when out of view, at the top without a cut", () => {
    expect(cutPosition(fr, 1.5, full[3])).toEqual({ b: fr.heightPos(1.5), pinned: false });
    const zoomed = makeFrame(o, plot, [0, 8, 0, 2]);
    expect(cutPosition(zoomed, 2.5, full[3])).toEqual({ b: zoomed.heightPos(2), pinned: true });
    expect(cutPosition(fr, null, full[3])).toEqual({ b: fr.heightPos(full[3]), pinned: true });
  });

  it("is grabbed on the line and on its handle, not a few pixels away", () => {
    const b = fr.heightPos(1.5);
    const [x, y] = fr.xy(fr.leafPos(4), b);
    expect(onCutLine(drawn(1.5), x, y)).toBe(true);
    const [x2, y2] = fr.xy(fr.leafPos(4), b + 12);
    expect(onCutLine(drawn(1.5), x2, y2)).toBe(false);
    const hb = handleBox(fr, b);
    expect(onCutLine(drawn(1.5), hb.x + hb.w / 2, hb.y + hb.h / 2)).toBe(true);
    expect(onCutLine(null, x, y)).toBe(false);
  });
});
