// What a frame knows of the data beside the tree (the view builds it, draw/heatmap.js and
// draw/legend.js draw it). Types only.

/** @typedef {import("../core/heatmap-cells.js").DataPrep} DataPrep */
/** @typedef {import("../core/heatmap-cells.js").Cells} Cells */

/**
 * What a frame knows of the data beside the tree.
 * @typedef {object} DataScene
 * @property {DataPrep} prep
 * @property {import("../core/data-layout.js").DataGeo} geo
 * @property {DataCache} cache   the last window's cells (kept while the window is unchanged)
 * @property {boolean} split     gaps between clusters
 * @property {import("../core/layout.js").Layout | null} colTree  the heatmap columns' tree
 * @property {boolean} raster    cells as images (canvas); false: rectangles (vector backends)
 * @property {number[]} target    compare mode: the subtrees the selection is compared with
 */

/**
 * @typedef {object} DataCache
 * @property {string} [key]
 * @property {Cells} [cells]
 * @property {{rgba: Uint8ClampedArray, missing: Uint8Array, rows: number}} [colors]
 * @property {any} [image]       the colours as a canvas, rows x cells (the scratch canvas)
 * @property {any} [scratch]     a canvas reused for every window's colours
 * @property {any} [scratchCtx]  its 2D context
 * @property {Int32Array} [ids]  cluster ids the boundaries were found for
 * @property {Int32Array} [bounds]  drawn positions p where a cluster starts (p > 0)
 */

export {};
