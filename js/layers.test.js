// The folders are layers and imports only go down (js/README.md): this reads every module's
// imports (statements and JSDoc type imports alike) and checks the rules and that the
// import graph has no cycle.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const JS = dirname(fileURLToPath(import.meta.url));

/** What each layer may import, besides itself. Keys: folder, or file at the top. */
const MAY_IMPORT = {
  core: [],
  host: [],
  draw: ["core"],
  state: ["core"],
  ui: ["core", "state"],
  "model-sync.js": ["state"],
  "picture.js": ["core", "draw"],
  "view.js": ["core", "draw", "state", "ui", "host", "model-sync.js", "picture.js"],
  "widget.js": ["view.js"],
};
/** Test files may also import test helpers; a top-level test (view, layers) may import anything. */
const TEST_HELPERS = ["core/testing.js", "state/fake-model.js"];

/** @param {string} dir @returns {string[]} paths relative to js/ */
function modules(dir = JS) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return d.name === "tools" ? [] : modules(p);
    return d.name.endsWith(".js") ? [relative(JS, p)] : [];
  });
}

/** @param {string} file  relative to js/ @returns {string[]} relative imports, resolved, relative to js/ */
function importsOf(file) {
  const src = readFileSync(join(JS, file), "utf8");
  const specs = [
    ...src.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gms),
    ...src.matchAll(/^\s*import\s+["']([^"']+)["']/gm),
    ...src.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1]);
  return [...new Set(specs.filter((s) => s.startsWith(".")).map((s) => relative(JS, resolve(JS, dirname(file), s))))];
}

/** @param {string} file @returns {string} its layer: the folder, or the file itself at the top */
const layerOf = (file) => (file.includes("/") ? file.split("/")[0] : file);
/** @param {string} file */
const isTopTest = (file) => !file.includes("/") && file.endsWith(".test.js");

const ALL = modules();
const GRAPH = new Map(ALL.map((f) => [f, importsOf(f)]));

describe("js/ layers", () => {
  it("finds the modules and their imports", () => {
    expect(ALL).toContain("state/state.js");
    expect(ALL.length).toBeGreaterThan(30);
    expect(GRAPH.get("view.js")).toContain("state/state.js");
    expect(GRAPH.get("core/hit.js")).toContain("core/cut-line.js");
    expect(GRAPH.get("core/hit.js")).toContain("core/frame.js"); // a JSDoc type import counts too
  });

  it("every module is in a known layer, and imports exist", () => {
    for (const [file, deps] of GRAPH) {
      if (!isTopTest(file)) expect(Object.keys(MAY_IMPORT), file).toContain(layerOf(file));
      for (const d of deps) expect(ALL, `${file} imports ${d}`).toContain(d);
    }
  });

  it("imports only go down", () => {
    const bad = [];
    for (const [file, deps] of GRAPH) {
      if (isTopTest(file)) continue;
      const own = layerOf(file);
      const allowed = new Set([own, .../** @type {Record<string, string[]>} */ (MAY_IMPORT)[own]]);
      for (const d of deps) {
        const ok = allowed.has(layerOf(d)) || (file.endsWith(".test.js") && TEST_HELPERS.includes(d));
        if (!ok) bad.push(`${file} -> ${d}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("the import graph has no cycle", () => {
    // Iterative depth-first search with colours: grey on the stack, black done.
    /** @type {Map<string, 0 | 1 | 2>} */
    const colour = new Map(ALL.map((f) => [f, 0]));
    const cycles = [];
    for (const startFile of ALL) {
      if (colour.get(startFile) !== 0) continue;
      /** @type {[string, number][]} */
      const stack = [[startFile, 0]];
      colour.set(startFile, 1);
      while (stack.length) {
        const top = stack[stack.length - 1];
        const deps = GRAPH.get(top[0]) ?? [];
        if (top[1] < deps.length) {
          const next = deps[top[1]++];
          if (colour.get(next) === 1) cycles.push([...stack.map((s) => s[0]), next].join(" -> "));
          else if (colour.get(next) === 0) {
            colour.set(next, 1);
            stack.push([next, 0]);
          }
        } else {
          colour.set(top[0], 2);
          stack.pop();
        }
      }
    }
    expect(cycles).toEqual([]);
  });

  it("only draw/ touches a 2D canvas context; core/ touches no DOM", () => {
    for (const file of ALL) {
      if (file.endsWith(".test.js")) continue;
      const src = readFileSync(join(JS, file), "utf8");
      if (!file.startsWith("draw/")) {
        expect(/ctx\.(fill|stroke|moveTo|lineTo|measureText|save)\b/.test(src), `${file} draws`).toBe(false);
      }
      if (file.startsWith("core/") && file !== "core/testing.js") {
        expect(/\b(document|window|getComputedStyle|HTMLElement)\b/.test(src.replace(/^\s*(\/\/|\*).*$/gm, "")), `${file} uses the DOM`).toBe(false);
      }
    }
  });
});
