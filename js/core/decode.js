// Binary payload -> typed arrays, and row labels decoded lazily from UTF-8.

/**
 * @typedef {DataView | ArrayBuffer | ArrayBufferView | ArrayLike<number>} BufferLike
 * What a synced buffer may arrive as: ipywidgets gives DataViews; tests and harnesses may pass
 * typed or plain arrays.
 */

/**
 * @template {Int32Array | Uint32Array | Float64Array | Uint8Array} T
 * @param {BufferLike} src
 * @param {{new (buffer: ArrayBuffer, byteOffset: number, length: number): T, new (src: ArrayLike<number>): T, BYTES_PER_ELEMENT: number}} Ctor
 * @returns {T}
 */
function typed(src, Ctor) {
  if (src instanceof Ctor) return /** @type {T} */ (src);
  if (src instanceof ArrayBuffer) src = new DataView(src);
  if (ArrayBuffer.isView(src)) {
    const size = Ctor.BYTES_PER_ELEMENT;
    const buffer = /** @type {ArrayBuffer} */ (src.buffer);
    const length = Math.floor(src.byteLength / size);
    if (src.byteOffset % size === 0) return new Ctor(buffer, src.byteOffset, length);
    // A typed array cannot start at an unaligned offset: copy the bytes out.
    return new Ctor(buffer.slice(src.byteOffset, src.byteOffset + length * size), 0, length);
  }
  return new Ctor(/** @type {ArrayLike<number>} */ (src));
}

/** @param {BufferLike} src */
export const int32 = (src) => typed(src, Int32Array);
/** @param {BufferLike} src */
export const uint32 = (src) => typed(src, Uint32Array);
/** @param {BufferLike} src */
export const float64 = (src) => typed(src, Float64Array);
/** @param {BufferLike} src */
export const uint8 = (src) => typed(src, Uint8Array);

/**
 * @typedef {object} Tree
 * @property {number} n
 * @property {Int32Array} left   children drawn on the left, one per merge
 * @property {Int32Array} right
 * @property {Float64Array} height
 */

/**
 * The `_tree` trait as typed arrays.
 * @param {{n?: number, left?: BufferLike, right?: BufferLike, height?: BufferLike}} payload
 * @returns {Tree}
 */
export function decodeTree(payload) {
  const n = Number(payload?.n ?? 0);
  if (!(n >= 1) || !payload.left || !payload.right || !payload.height) {
    return { n: Math.max(0, n | 0), left: new Int32Array(0), right: new Int32Array(0), height: new Float64Array(0) };
  }
  const left = int32(payload.left);
  const right = int32(payload.right);
  const height = float64(payload.height);
  if (left.length !== n - 1 || right.length !== n - 1 || height.length !== n - 1) {
    throw new Error(`dendrowidget: tree of ${n} leaves needs ${n - 1} merges`);
  }
  return { n, left, right, height };
}

/**
 * @typedef {object} Labels
 * @property {(row: number) => string} get       label of a row (input position)
 * @property {() => string[]} lowerAll            every label lower-cased, computed once (search)
 * @property {boolean} isDefault                  labels are the row positions
 */

/**
 * Labels of the `_labels` trait, decoded one row at a time on first use: a 1M-leaf view only
 * ever shows a few hundred.
 * @param {{text?: BufferLike, offsets?: BufferLike} | null | undefined} payload
 * @param {number} n
 * @returns {Labels}
 */
export function makeLabels(payload, n) {
  /** @type {string[] | null} */
  let lower = null;
  if (!payload || !payload.text || !payload.offsets) {
    const get = (/** @type {number} */ row) => String(row);
    return {
      get,
      isDefault: true,
      lowerAll() {
        if (!lower) lower = Array.from({ length: n }, (_, r) => String(r));
        return lower;
      },
    };
  }
  const text = uint8(payload.text);
  const offsets = uint32(payload.offsets);
  const decoder = new TextDecoder("utf-8");
  /** @type {(string | undefined)[]} */
  const cache = new Array(n);
  /** @param {number} row */
  const get = (row) => {
    let s = cache[row];
    if (s === undefined) {
      s = row >= 0 && row < n && row + 1 < offsets.length
        ? decoder.decode(text.subarray(offsets[row], offsets[row + 1]))
        : "";
      cache[row] = s;
    }
    return s;
  };
  return {
    get,
    isDefault: false,
    lowerAll() {
      if (!lower) {
        lower = new Array(n);
        for (let r = 0; r < n; r++) lower[r] = get(r).toLowerCase();
      }
      return lower;
    },
  };
}

/**
 * Extra tooltip lines of a row from the `_tooltips` trait.
 * @param {{columns?: string[], values?: string[][]} | null | undefined} payload
 * @param {number} row
 * @returns {[string, string][]}
 */
export function tooltipLines(payload, row) {
  const cols = payload?.columns ?? [];
  const vals = payload?.values ?? [];
  /** @type {[string, string][]} */
  const out = [];
  for (let i = 0; i < cols.length; i++) {
    const v = vals[i]?.[row];
    if (v !== undefined) out.push([String(cols[i]), String(v)]);
  }
  return out;
}
