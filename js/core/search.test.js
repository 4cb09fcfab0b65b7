import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findMatches, narrows, needle } from "./search.js";

describe("search", () => {
  const lower = ["apple", "banana", "cherry", "pineapple", "grape"];
  const order = Int32Array.from([3, 0, 4, 1, 2]);

  it("finds drawn positions, sorted", () => {
    expect(Array.from(findMatches(lower, order, "apple", null))).toEqual([0, 1]);
    expect(Array.from(findMatches(lower, order, "ap", null))).toEqual([0, 1, 2]);
    expect(Array.from(findMatches(lower, order, "zzz", null))).toEqual([]);
  });

  it("narrowing gives the same answer as a fresh search", () => {
    const first = findMatches(lower, order, "ap", null);
    expect(narrows("ap", "app")).toBe(true);
    expect(Array.from(findMatches(lower, order, "app", first))).toEqual(Array.from(findMatches(lower, order, "app", null)));
    expect(narrows("pe", "ape")).toBe(true);
    expect(narrows("app", "ap")).toBe(false);
    expect(narrows("", "a")).toBe(false);
  });
});

describe("search agrees with Python's search_matches", () => {
  // tests/fixtures/search/cases.json: labels, a drawn order and queries with the matches Python
  // computes (tests/test_search.py writes it and checks it is current).
  const cases = JSON.parse(readFileSync(new URL("../../tests/fixtures/search/cases.json", import.meta.url), "utf8"));
  const lower = cases.labels.map((/** @type {string} */ s) => s.toLowerCase());
  const order = Int32Array.from(cases.order);
  /** @type {{q: string, matches: number[]}[]} */
  const queries = cases.queries;
  it.each(queries.map((c) => ({ ...c, shown: JSON.stringify(c.q) })))("query $shown", (c) => {
    const q = needle(c.q);
    const got = q ? Array.from(findMatches(lower, order, q, null), (p) => order[p]) : [];
    expect(got).toEqual(c.matches);
  });
});
