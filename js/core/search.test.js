import { describe, expect, it } from "vitest";
import { findMatches, narrows } from "./search.js";

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
