// The only module that touches the canvas: one frame of the dendrogram from a scene.
import { nodeCluster } from "./cut.js";
import { nodeHeight } from "./layout.js";
import { cutReadout, formatCount, formatTick, niceTicks } from "./format.js";

/**
 * @typedef {object} Scene
 * @property {import("./layout.js").Layout} L
 * @property {import("./decode.js").Labels} labels
 * @property {import("./frame.js").Frame} fr
 * @property {import("./cull.js").DrawList} list
 * @property {number} width         CSS px
 * @property {number} height        CSS px
 * @property {number} dpr
 * @property {number | null} cut
 * @property {Int32Array} ids       cluster id per drawn position for `cut`
 * @property {number} k             number of clusters
 * @property {string[]} palette
 * @property {number[]} selection
 * @property {Int32Array | null} matches  drawn positions whose label matches the search (sorted)
 * @property {number} hover         node under the pointer, -1 for none
 * @property {boolean} cutHot       the cut line is hovered or dragged
 * @property {string} title
 * @property {string} axisLabel
 * @property {number} labelBand     px reserved for leaf labels
 * @property {number} fullTop       top of the full height axis
 * @property {import("./theme.js").Theme} theme
 * @property {Map<string, string>} fitCache  labels shortened to fit, by width
 */

const LINK_W = 1.25;

/**
 * Draw one frame.
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 */
export function drawScene(ctx, s) {
  const { theme, fr, width, height, dpr } = s;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, width, height);
  ctx.font = `${theme.fontSize}px ${theme.font}`;
  if (s.L.n === 0) return;
  drawTitle(ctx, s);
  drawAxis(ctx, s);

  const p = fr.plot;
  ctx.save();
  ctx.beginPath();
  // Clip to the plot, with room for the strokes at its edges.
  if (fr.vertical) ctx.rect(p.x - 3, p.y - 3, p.w + 6, p.h + 3 + (fr.orientation === "top" ? 1 : 0));
  else ctx.rect(p.x - 3, p.y - 3, p.w + 3, p.h + 6);
  ctx.clip();
  drawSelectionBands(ctx, s);
  drawBlocks(ctx, s);
  drawLinks(ctx, s);
  drawHover(ctx, s);
  ctx.restore();

  drawMatches(ctx, s);
  drawLabels(ctx, s);
  drawCut(ctx, s);
}

/**
 * Colour of cluster c (0: neutral).
 * @param {Scene} s
 * @param {number} c
 */
function colorOf(s, c) {
  if (c === 0 || s.palette.length === 0) return s.theme.fg;
  return s.palette[(c - 1) % s.palette.length];
}

/**
 * Snap a coordinate so a line of `w` CSS px is crisp on the device grid.
 * @param {number} v
 * @param {number} dpr
 * @param {number} w
 */
function snap(v, dpr, w) {
  const dev = Math.max(1, Math.round(w * dpr));
  const off = (dev % 2) / 2;
  return (Math.round(v * dpr - off) + off) / dpr;
}

/** @param {CanvasRenderingContext2D} ctx @param {Scene} s */
function drawTitle(ctx, s) {
  if (!s.title) return;
  ctx.save();
  ctx.fillStyle = s.theme.fg;
  ctx.font = `600 ${s.theme.fontSize + 3}px ${s.theme.font}`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(s.title, s.width / 2, 14, s.width - 20);
  ctx.restore();
}

/** @param {CanvasRenderingContext2D} ctx @param {Scene} s */
function drawAxis(ctx, s) {
  const { fr, theme, dpr } = s;
  const p = fr.plot;
  const [, , y0, y1] = fr.win;
  const ticks = niceTicks(Math.max(0, y0), y1, Math.max(2, fr.heightLen / 55));
  ctx.save();
  ctx.lineWidth = 1;
  ctx.fillStyle = theme.muted;
  ctx.strokeStyle = theme.faint;
  ctx.beginPath();
  for (const v of ticks.values) {
    const b = snap(fr.heightPos(v), dpr, 1);
    const [xa, ya] = fr.xy(fr.vertical ? p.x : p.y, b);
    const [xb, yb] = fr.xy(fr.vertical ? p.x + p.w : p.y + p.h, b);
    ctx.moveTo(xa, ya);
    ctx.lineTo(xb, yb);
  }
  ctx.stroke();
  // Axis line and tick labels.
  ctx.strokeStyle = theme.border;
  ctx.beginPath();
  if (fr.vertical) {
    const x = snap(p.x - 4, dpr, 1);
    ctx.moveTo(x, p.y);
    ctx.lineTo(x, p.y + p.h);
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (const v of ticks.values) {
      const y = fr.heightPos(v);
      ctx.moveTo(x - 4, snap(y, dpr, 1));
      ctx.lineTo(x, snap(y, dpr, 1));
      ctx.fillText(formatTick(v, ticks.step), x - 6, y);
    }
  } else {
    const y = snap(p.y + p.h + 4, dpr, 1);
    ctx.moveTo(p.x, y);
    ctx.lineTo(p.x + p.w, y);
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    for (const v of ticks.values) {
      const x = fr.heightPos(v);
      ctx.moveTo(snap(x, dpr, 1), y);
      ctx.lineTo(snap(x, dpr, 1), y + 4);
      ctx.fillText(formatTick(v, ticks.step), x, y + 6);
    }
  }
  ctx.stroke();
  if (s.axisLabel) {
    ctx.fillStyle = theme.muted;
    ctx.textAlign = "center";
    if (fr.vertical) {
      ctx.translate(12, p.y + p.h / 2);
      ctx.rotate(-Math.PI / 2);
      ctx.textBaseline = "middle";
      ctx.fillText(s.axisLabel, 0, 0, p.h);
    } else {
      ctx.textBaseline = "bottom";
      ctx.fillText(s.axisLabel, p.x + p.w / 2, s.height - 3, p.w);
    }
  }
  ctx.restore();
}

/**
 * Is node v inside one of the selected subtrees?
 * @param {Scene} s
 * @param {number} v
 */
function isSelected(s, v) {
  const { start, count } = s.L;
  const a = start[v], e = a + count[v];
  for (const u of s.selection) {
    if (a >= start[u] && e <= start[u] + count[u]) return true;
  }
  return false;
}

/** @param {CanvasRenderingContext2D} ctx @param {Scene} s */
function drawSelectionBands(ctx, s) {
  const { fr, L } = s;
  ctx.save();
  ctx.fillStyle = s.theme.accent;
  ctx.globalAlpha = 0.12;
  for (const u of s.selection) {
    if (u < 0 || u >= L.count.length) continue;
    const a0 = fr.leafPos(L.start[u]), a1 = fr.leafPos(L.start[u] + L.count[u]);
    const top = u >= L.n ? L.maxh[u] : (L.parent[u] >= 0 ? nodeHeight(L, L.parent[u]) : 0);
    const b0 = fr.heightPos(0), b1 = fr.heightPos(top + (s.fullTop / 1.05) * 0.02);
    const [x, y] = fr.xy(Math.min(a0, a1), Math.min(b0, b1));
    const [w, h] = fr.xy(Math.max(1, Math.abs(a1 - a0)), Math.abs(b1 - b0));
    ctx.fillRect(x, y, w, h);
  }
  ctx.restore();
}

/** @param {CanvasRenderingContext2D} ctx @param {Scene} s */
function drawBlocks(ctx, s) {
  const { L, fr, list, cut } = s;
  if (list.nBlocks === 0) return;
  /** @type {Map<string, number[]>} rectangles (a0, a1, b0, b1) per colour */
  const buckets = new Map();
  /** @param {string} color @param {number} a0 @param {number} a1 @param {number} h0 @param {number} h1 */
  const add = (color, a0, a1, h0, h1) => {
    let arr = buckets.get(color);
    if (!arr) buckets.set(color, (arr = []));
    arr.push(a0, a1, fr.heightPos(h0), fr.heightPos(h1));
  };
  for (let i = 0; i < list.nBlocks; i++) {
    const v = list.blocks[i];
    let a0 = fr.leafPos(L.start[v]), a1 = fr.leafPos(L.start[v] + L.count[v]);
    if (a1 - a0 < 1) {
      const mid = (a0 + a1) / 2;
      a0 = mid - 0.5;
      a1 = mid + 0.5;
    }
    const c = nodeCluster(L, s.ids, cut, v);
    if (c > 0 || cut === null) {
      add(colorOf(s, c), a0, a1, 0, L.maxh[v]);
    } else {
      // Straddles the cut: clusters below (the leftmost one's colour), neutral above.
      add(colorOf(s, s.ids[L.start[v]]), a0, a1, 0, cut);
      add(s.theme.fg, a0, a1, cut, L.maxh[v]);
    }
  }
  ctx.save();
  // Blocks are collapsed detail: lighter than the links that are drawn one by one.
  ctx.globalAlpha = 0.55;
  for (const [color, r] of buckets) {
    ctx.fillStyle = color;
    // fillRect per block, not one path of many rectangles: a many-contour path costs far more
    // to rasterise (measured in Chromium), and blocks of distinct subtrees do not overlap.
    for (let j = 0; j < r.length; j += 4) {
      const [x, y] = fr.xy(r[j], Math.min(r[j + 2], r[j + 3]));
      const [w, h] = fr.xy(r[j + 1] - r[j], Math.max(1, Math.abs(r[j + 3] - r[j + 2])));
      ctx.fillRect(x, y, w, h);
    }
  }
  ctx.restore();
}

/**
 * Add node v's U link (legs down to its children) to the current path.
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 * @param {number} v
 * @param {number} w  line width, for snapping
 */
function pathLink(ctx, s, v, w) {
  const [x0, y0, x1, y1, x2, y2, x3, y3] = linkCorners(s, v, w);
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.lineTo(x3, y3);
}

/**
 * Node v's U link as filled rectangles, one per axis-aligned segment, with square ends.
 * Rectangles rasterise far faster than one stroked path of thousands of contours (measured in
 * Chromium: about 10x at 10,000 leaves), and look the same for axis-aligned lines.
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 * @param {number} v
 * @param {number} w  line width
 */
function fillLink(ctx, s, v, w) {
  const c = linkCorners(s, v, w);
  const h = w / 2;
  for (let i = 0; i < 6; i += 2) {
    const xa = c[i], ya = c[i + 1], xb = c[i + 2], yb = c[i + 3];
    ctx.fillRect(Math.min(xa, xb) - h, Math.min(ya, yb) - h, Math.abs(xb - xa) + w, Math.abs(yb - ya) + w);
  }
}

/**
 * The four corners of node v's U link in canvas pixels, snapped for crisp lines.
 * @param {Scene} s
 * @param {number} v
 * @param {number} w  line width, for snapping
 * @returns {number[]} x0, y0 (left child), x1, y1, x2, y2 (the bar), x3, y3 (right child)
 */
function linkCorners(s, v, w) {
  const { L, fr, dpr } = s;
  const k = v - L.n;
  const l = L.left[k], r = L.right[k];
  const b = snap(fr.heightPos(L.height[k]), dpr, w);
  const al = snap(fr.leafPos(L.x[l]), dpr, w), ar = snap(fr.leafPos(L.x[r]), dpr, w);
  const bl = snap(fr.heightPos(nodeHeight(L, l)), dpr, w), br = snap(fr.heightPos(nodeHeight(L, r)), dpr, w);
  return [...fr.xy(al, bl), ...fr.xy(al, b), ...fr.xy(ar, b), ...fr.xy(ar, br)];
}

/** @param {CanvasRenderingContext2D} ctx @param {Scene} s */
function drawLinks(ctx, s) {
  const { L, list, cut } = s;
  // One path per colour: a few strokes per frame, however many links.
  /** @type {Map<number, number[]>} */
  const byCluster = new Map();
  /** @type {number[]} */
  const selected = [];
  const anySelected = s.selection.length > 0;
  for (let i = 0; i < list.nLinks; i++) {
    const v = list.links[i];
    const c = nodeCluster(L, s.ids, cut, v);
    const key = c === 0 ? 0 : ((c - 1) % Math.max(1, s.palette.length)) + 1;
    let arr = byCluster.get(key);
    if (!arr) byCluster.set(key, (arr = []));
    arr.push(v);
    if (anySelected && isSelected(s, v)) selected.push(v);
  }
  ctx.save();
  for (const [key, nodes] of byCluster) {
    ctx.fillStyle = colorOf(s, key);
    for (const v of nodes) fillLink(ctx, s, v, LINK_W);
  }
  for (const v of selected) {
    ctx.fillStyle = colorOf(s, nodeCluster(L, s.ids, cut, v));
    fillLink(ctx, s, v, 2.5);
  }
  ctx.restore();
}

/** @param {CanvasRenderingContext2D} ctx @param {Scene} s */
function drawHover(ctx, s) {
  const { L, fr, hover, dpr } = s;
  if (hover < 0 || hover >= L.count.length) return;
  ctx.save();
  ctx.strokeStyle = s.theme.accent;
  ctx.lineWidth = 2.5;
  ctx.lineCap = "round";
  ctx.beginPath();
  if (hover >= L.n) pathLink(ctx, s, hover, 2.5);
  const parent = L.parent[hover];
  if (parent >= 0) {
    // The branch leading to the node: its leg of the parent's U.
    const a = snap(fr.leafPos(L.x[hover]), dpr, 2.5);
    let [x, y] = fr.xy(a, fr.heightPos(nodeHeight(L, parent)));
    ctx.moveTo(x, y);
    [x, y] = fr.xy(a, fr.heightPos(nodeHeight(L, hover)));
    ctx.lineTo(x, y);
  }
  ctx.stroke();
  ctx.restore();
}

/**
 * First index i with arr[i] >= v.
 * @param {Int32Array} arr
 * @param {number} v
 */
function lowerBound(arr, v) {
  let lo = 0, hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Search matches: a tick per matching leaf on the leaf side of the plot, at most one per
 * pixel (skipping ahead by binary search keeps it O(pixels) for a million matches).
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 */
function drawMatches(ctx, s) {
  const { fr, matches } = s;
  if (!matches || matches.length === 0) return;
  const [x0, x1] = fr.win;
  const base = fr.heightPos(0);
  const dir = fr.orientation === "top" || fr.orientation === "left" ? 1 : -1;
  ctx.save();
  ctx.fillStyle = s.theme.mark;
  let i = lowerBound(matches, Math.floor(x0));
  while (i < matches.length && matches[i] < x1) {
    const a = fr.leafPos(matches[i] + 0.5);
    const [x, y] = fr.xy(a - 1.5, dir > 0 ? base + 1 : base - 5);
    const [w, h] = fr.xy(3, 4);
    ctx.fillRect(x, y, w, h);
    i = Math.max(i + 1, lowerBound(matches, Math.floor(fr.leafAt(a + 2))));
  }
  ctx.restore();
}

/**
 * The label, shortened with an ellipsis to fit `max` px.
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 * @param {string} text
 * @param {number} max
 */
function fit(ctx, s, text, max) {
  const key = `${ctx.font}\u0000${max}\u0000${text}`;
  const hit = s.fitCache.get(key);
  if (hit !== undefined) return hit;
  let out = text;
  if (ctx.measureText(text).width > max) {
    let lo = 0, hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ctx.measureText(text.slice(0, mid) + "…").width <= max) lo = mid;
      else hi = mid - 1;
    }
    out = lo > 0 ? text.slice(0, lo) + "…" : "";
  }
  if (s.fitCache.size > 5000) s.fitCache.clear();
  s.fitCache.set(key, out);
  return out;
}

const MIN_LABEL_PX = 6;

/**
 * Leaf labels where they fit: one per leaf once leaves are at least a line of text apart.
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 */
function drawLabels(ctx, s) {
  const { L, fr, theme, labels, matches } = s;
  const [x0, x1] = fr.win;
  const pxPerLeaf = fr.leafLen / (x1 - x0);
  const p = fr.plot;
  if (s.labelBand < 8) return;
  // Dense leaves get a smaller font, down to the smallest size still legible (as the
  // tutorial's matplotlib plot does); denser than that, a hint to zoom instead.
  if (pxPerLeaf < MIN_LABEL_PX) {
    labelHint(ctx, s, Math.ceil(x1) - Math.floor(x0));
    return;
  }
  const size = Math.min(theme.fontSize, Math.floor(pxPerLeaf));
  const max = s.labelBand - 6;
  const lo = Math.max(0, Math.floor(x0)), hi = Math.min(L.n, Math.ceil(x1));
  ctx.save();
  ctx.font = `${size}px ${theme.font}`;
  ctx.textBaseline = "middle";
  const o = fr.orientation;
  const anySelected = s.selection.length > 0;
  for (let pos = lo; pos < hi; pos++) {
    const row = L.order[pos];
    const text = fit(ctx, s, labels.get(row), max);
    if (!text) continue;
    const a = fr.leafPos(pos + 0.5);
    const matched = matches !== null && matches.length > 0 && matches[lowerBound(matches, pos)] === pos;
    ctx.fillStyle = row === s.hover || (anySelected && isSelected(s, row)) ? theme.accent : theme.fg;
    ctx.save();
    if (o === "top" || o === "bottom") {
      ctx.translate(a, o === "top" ? p.y + p.h + 6 : p.y - 6);
      ctx.rotate(-Math.PI / 2); // reads bottom to top, like leaf_rotation=90
      ctx.textAlign = o === "top" ? "right" : "left";
    } else {
      ctx.translate(o === "left" ? p.x + p.w + 6 : p.x - 6, a);
      ctx.textAlign = o === "left" ? "left" : "right";
    }
    if (matched) {
      const w = ctx.measureText(text).width;
      ctx.save();
      ctx.fillStyle = theme.mark;
      ctx.globalAlpha = 0.3;
      const left = ctx.textAlign === "right" ? -w - 2 : -2;
      ctx.fillRect(left, -size / 2 - 2, w + 4, size + 4);
      ctx.restore();
    }
    ctx.fillText(text, 0, 0);
    ctx.restore();
  }
  ctx.restore();
}

/**
 * Too many leaves to label: say so where the labels would be.
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} s
 * @param {number} visible
 */
function labelHint(ctx, s, visible) {
  const { fr, theme } = s;
  const p = fr.plot;
  const text = `${formatCount(Math.min(visible, s.L.n))} leaves · zoom in to read their labels`;
  ctx.save();
  ctx.fillStyle = theme.muted;
  ctx.font = `${theme.fontSize}px ${theme.font}`;
  ctx.textBaseline = "middle";
  ctx.textAlign = "center";
  const o = fr.orientation;
  if (o === "top") ctx.fillText(text, p.x + p.w / 2, p.y + p.h + 16, p.w);
  else if (o === "bottom") ctx.fillText(text, p.x + p.w / 2, p.y - 16, p.w);
  else {
    ctx.translate(o === "left" ? p.x + p.w + 14 : p.x - 14, p.y + p.h / 2);
    ctx.rotate(o === "left" ? Math.PI / 2 : -Math.PI / 2);
    ctx.fillText(text, 0, 0, p.h);
  }
  ctx.restore();
}

/**
 * Where the cut line is drawn along the height axis, pinned to the plot's edge when the cut is
 * out of view (so the handle can always be grabbed again). Null cut: at the top.
 * @param {Scene} s
 * @returns {{b: number, pinned: boolean}}
 */
export function cutPosition(s) {
  const { fr } = s;
  const [, , y0, y1] = fr.win;
  if (s.cut === null) return { b: fr.heightPos(Math.min(y1, s.fullTop)), pinned: true };
  const h = Math.max(y0, Math.min(y1, s.cut));
  return { b: fr.heightPos(h), pinned: h !== s.cut };
}

/**
 * The handle's box (CSS px) at the end of the cut line.
 * @param {import("./frame.js").Frame} fr
 * @param {number} b  cut position along the height axis
 * @returns {{x: number, y: number, w: number, h: number}}
 */
export function handleBox(fr, b) {
  const p = fr.plot;
  if (fr.vertical) return { x: p.x + p.w + 3, y: b - 8, w: 12, h: 16 };
  return { x: b - 8, y: p.y - 15, w: 16, h: 12 };
}

/** @param {CanvasRenderingContext2D} ctx @param {Scene} s */
function drawCut(ctx, s) {
  const { fr, theme, dpr } = s;
  const p = fr.plot;
  const { b: rawB, pinned } = cutPosition(s);
  const b = snap(rawB, dpr, 1.5);
  const none = s.cut === null;
  ctx.save();
  ctx.strokeStyle = s.cutHot ? theme.accent : theme.fg;
  ctx.globalAlpha = none && !s.cutHot ? 0.6 : 1;
  ctx.lineWidth = 1.5;
  if (none || pinned) ctx.setLineDash([5, 4]);
  ctx.beginPath();
  const [xa, ya] = fr.xy(fr.vertical ? p.x : p.y, b);
  const [xb, yb] = fr.xy(fr.vertical ? p.x + p.w : p.y + p.h, b);
  ctx.moveTo(xa, ya);
  ctx.lineTo(xb, yb);
  ctx.stroke();
  ctx.setLineDash([]);

  // Grab handle: a small rounded tab with two grip lines.
  const hb = handleBox(fr, rawB);
  ctx.globalAlpha = 1;
  ctx.fillStyle = s.cutHot ? theme.accent : theme.panel;
  ctx.strokeStyle = s.cutHot ? theme.accent : theme.border;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.roundRect(hb.x + 0.5, hb.y + 0.5, hb.w - 1, hb.h - 1, 3);
  ctx.fill();
  ctx.stroke();
  ctx.strokeStyle = s.cutHot ? theme.bg : theme.muted;
  ctx.beginPath();
  for (const d of [-2, 2]) {
    if (fr.vertical) {
      const y = snap(hb.y + hb.h / 2 + d, dpr, 1);
      ctx.moveTo(hb.x + 3, y);
      ctx.lineTo(hb.x + hb.w - 3, y);
    } else {
      const x = snap(hb.x + hb.w / 2 + d, dpr, 1);
      ctx.moveTo(x, hb.y + 3);
      ctx.lineTo(x, hb.y + hb.h - 3);
    }
  }
  ctx.stroke();

  // Readout beside the line, on a pill so it reads over the links.
  const text = cutReadout(s.cut, s.k);
  ctx.font = `${none ? "" : "600 "}${theme.fontSize}px ${theme.font}`;
  const w = ctx.measureText(text).width + 10;
  const h = theme.fontSize + 6;
  let x, y;
  if (fr.vertical) {
    x = p.x + p.w - w - 2;
    // Above the line, unless that leaves the canvas.
    y = b - h - 3 < 2 ? b + 3 : b - h - 3;
  } else {
    x = fr.orientation === "left" ? Math.min(b + 4, s.width - w - 2) : Math.max(2, b - w - 4);
    y = p.y - h - 2 < 0 ? p.y + 2 : Math.max(0, p.y - h - 2);
    if (fr.orientation === "left" && b + 4 + w > p.x + p.w) x = Math.max(2, b - w - 14);
    if (fr.orientation === "right" && b - w - 4 < p.x) x = b + 14;
  }
  ctx.fillStyle = theme.panel;
  ctx.globalAlpha = 0.9;
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, h / 2);
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.fillStyle = s.cutHot ? theme.accent : none ? theme.muted : theme.fg;
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  ctx.fillText(text, x + 5, y + h / 2 + 0.5);
  ctx.restore();
}
