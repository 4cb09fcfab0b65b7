// The label search's state: the drawn order is asked for only when there is a query.
import { describe, expect, it } from "vitest";
import { makeSearch } from "./search.js";

describe("makeSearch", () => {
  it("does not ask for the drawn order without a query (a first frame need not wait for it)", () => {
    const s = makeSearch();
    let asked = 0;
    const order = () => { asked += 1; return Int32Array.from([2, 0, 1]); };
    const lower = () => ["apple", "pear", "fig"];
    expect(s.run("", lower, order, true)).toBe(true);
    expect(s.matches).toBeNull();
    expect(asked).toBe(0);
    s.run("p", lower, order, false);
    expect(asked).toBe(1);
    expect(Array.from(s.matches ?? [])).toEqual([1, 2]); // apple at position 1, pear at 2
  });
});
