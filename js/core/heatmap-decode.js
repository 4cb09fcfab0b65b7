// The `_heatmap` and `_annotations` payloads (src/dendrowidget/_heatmap.py) as typed columns.
// Rows are in drawn order: position p of every column is the leaf drawn at p, so a subtree is
// one contiguous span. A numeric code c decodes to rawOffset + c * rawStep in original units and
// to offset + c * step in the colour scale's units; the `missing` code means no value.

/**
 * @typedef {DataView | ArrayBuffer | ArrayBufferView | ArrayLike<number>} BufferLike
 * @typedef {Uint8Array | Uint16Array} Codes
 */

/**
 * @typedef {object} NumericColumn
 * @property {"numeric"} kind
 * @property {string} name
 * @property {Codes | null} codes  n codes in drawn order; null while only block sums have come
 * @property {Blocks} [blocks]  the block sums a large heatmap sends first (docs/heatmap-payload.md)
 * @property {number} missing  255 or 65535
 * @property {number} mean     original units, over the known values (NaN when none)
 * @property {number} std      ddof = 0 (0 for a constant column)
 * @property {number} min
 * @property {number} max
 * @property {number} offset   scale units = offset + code * step
 * @property {number} step
 * @property {number} rawOffset original units = rawOffset + code * rawStep
 * @property {number} rawStep
 */

/**
 * @typedef {object} CategoricalColumn
 * @property {"categorical"} kind
 * @property {string} name
 * @property {Codes} codes
 * @property {number} missing
 * @property {string[]} categories  names (untrusted text: draw as text, never as HTML)
 */

/**
 * @typedef {object} Blocks
 * @property {number} block      rows per block (the last block may hold fewer)
 * @property {Uint32Array} sums  sum of the known codes of each block
 * @property {Uint32Array} counts known codes of each block
 */

/**
 * @typedef {object} Heatmap
 * @property {number} n
 * @property {"zscore" | "minmax" | "none"} scale
 * @property {[number, number]} range   colour range in scale units
 * @property {NumericColumn[]} columns
 * @property {boolean} later   only block sums so far: the codes follow (_detail.py)
 */

/** Field order of the payload's "stats" buffer. */
export const STAT_FIELDS = ["mean", "std", "min", "max", "offset", "step", "raw_offset", "raw_step"];

/**
 * Bytes as the right typed array; an unaligned DataView (ipywidgets gives those) is copied.
 * @param {BufferLike} src
 * @param {"uint8" | "uint16" | "uint32" | "float64"} dtype
 */
function view(src, dtype) {
  const Ctor = { uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array, float64: Float64Array }[dtype];
  if (src instanceof Ctor) return src;
  if (src instanceof ArrayBuffer) src = new DataView(src);
  if (!ArrayBuffer.isView(src)) return Ctor.from(/** @type {ArrayLike<number>} */ (src));
  const size = Ctor.BYTES_PER_ELEMENT;
  const length = Math.floor(src.byteLength / size);
  const buffer = /** @type {ArrayBuffer} */ (src.buffer);
  if (src.byteOffset % size === 0) return new Ctor(buffer, src.byteOffset, length);
  return new Ctor(buffer.slice(src.byteOffset, src.byteOffset + length * size), 0, length);
}

/**
 * @param {BufferLike} src
 * @param {string} dtype
 * @returns {Codes}
 */
function codesOf(src, dtype) {
  if (dtype !== "uint8" && dtype !== "uint16") throw new Error(`dendrowidget: unknown code dtype ${dtype}`);
  return /** @type {Codes} */ (view(src, dtype));
}

/**
 * @param {string} name
 * @param {Codes | null} codes
 * @param {number} missing
 * @param {Float64Array} stats
 * @param {number} at   index of this column's first stat
 * @returns {NumericColumn}
 */
function numericColumn(name, codes, missing, stats, at) {
  const s = (/** @type {number} */ i) => stats[at + i];
  return {
    kind: "numeric", name, codes, missing,
    mean: s(0), std: s(1), min: s(2), max: s(3), offset: s(4), step: s(5), rawOffset: s(6), rawStep: s(7),
  };
}

/** @param {{stat_fields?: string[]}} p */
function checkFields(p) {
  if (p.stat_fields && p.stat_fields.join() !== STAT_FIELDS.join()) {
    throw new Error(`dendrowidget: heatmap stats ${p.stat_fields} are not ${STAT_FIELDS}`);
  }
}

/**
 * The `_heatmap` trait; null when there is no heatmap ({}).
 * @param {any} payload
 * @returns {Heatmap | null}
 */
export function decodeHeatmap(payload) {
  if (!payload || !(payload.codes || payload.sums) || !Array.isArray(payload.columns)) return null;
  checkFields(payload);
  const n = Number(payload.n);
  const names = payload.columns.map(String);
  const stats = /** @type {Float64Array} */ (view(payload.stats, "float64"));
  if (stats.length !== names.length * STAT_FIELDS.length) {
    throw new Error(`dendrowidget: heatmap of ${names.length} columns has ${stats.length} stats`);
  }
  const later = !payload.codes;
  /** @type {(j: number) => Pick<NumericColumn, "codes" | "blocks">} */
  let part;
  if (later) {
    const block = Number(payload.block), nb = Math.ceil(n / block);
    const sums = /** @type {Uint32Array} */ (view(payload.sums, "uint32"));
    const counts = /** @type {Uint32Array} */ (view(payload.counts, "uint32"));
    if (!(block >= 1) || sums.length !== nb * names.length || counts.length !== sums.length) {
      throw new Error(`dendrowidget: heatmap of ${names.length} columns x ${n} rows has ${sums.length} block sums`);
    }
    part = (j) => ({ codes: null, blocks: { block, sums: sums.subarray(j * nb, (j + 1) * nb), counts: counts.subarray(j * nb, (j + 1) * nb) } });
  } else {
    const all = codesOf(payload.codes, payload.dtype);
    if (all.length !== n * names.length) {
      throw new Error(`dendrowidget: heatmap of ${names.length} columns x ${n} rows has ${all.length} codes`);
    }
    part = (j) => ({ codes: all.subarray(j * n, (j + 1) * n) });
  }
  const columns = names.map((/** @type {string} */ name, /** @type {number} */ j) =>
    ({ ...numericColumn(name, null, payload.missing, stats, j * STAT_FIELDS.length), ...part(j) }));
  const [lo, hi] = payload.range ?? [0, 1];
  return { n, scale: payload.scale, range: [Number(lo), Number(hi)], columns, later };
}

/**
 * The `_annotations` trait: one column per strip (empty when there are none).
 * @param {any} payload
 * @returns {{n: number, columns: (NumericColumn | CategoricalColumn)[]}}
 */
export function decodeAnnotations(payload) {
  if (!payload || !Array.isArray(payload.columns)) return { n: 0, columns: [] };
  const n = Number(payload.n);
  const columns = payload.columns.map((/** @type {any} */ c) => {
    const codes = codesOf(c.codes, c.dtype);
    if (codes.length !== n) throw new Error(`dendrowidget: strip ${c.name} has ${codes.length} codes, not ${n}`);
    if (c.kind === "categorical") {
      return /** @type {CategoricalColumn} */ ({
        kind: "categorical", name: String(c.name), codes, missing: c.missing, categories: c.categories.map(String),
      });
    }
    checkFields(c);
    return numericColumn(String(c.name), codes, c.missing, /** @type {Float64Array} */ (view(c.stats, "float64")), 0);
  });
  return { n, columns };
}

/**
 * Value of a code in original units (NaN for the missing code).
 * @param {NumericColumn} col
 * @param {number} code
 */
export function valueOf(col, code) {
  return code === col.missing ? NaN : col.rawOffset + code * col.rawStep;
}

/**
 * A value in original units (e.g. a bucket mean) in the colour scale's units, unclipped: zscore
 * (v - mean) / std (0 for a constant column), minmax (v - min) / (max - min) (0.5 for a constant
 * column), none v.
 * @param {NumericColumn} col
 * @param {"zscore" | "minmax" | "none"} scale
 * @param {number} v
 */
export function toScale(col, scale, v) {
  if (scale === "zscore") return col.std > 0 ? (v - col.mean) / col.std : v === v ? 0 : NaN;
  if (scale === "minmax") return col.max > col.min ? (v - col.min) / (col.max - col.min) : v === v ? 0.5 : NaN;
  return v;
}
