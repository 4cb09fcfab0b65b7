// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { SCHEMES, applyScheme, followHostScheme, hostScheme } from "./scheme.js";

/** @param {boolean} dark */
function osScheme(dark) {
  vi.stubGlobal("matchMedia", (/** @type {string} */ q) => ({
    matches: dark && q.includes("dark"),
    addEventListener() {},
  }));
}

function mount() {
  const host = document.createElement("div");
  const root = document.createElement("div");
  host.append(root);
  document.body.append(host);
  return root;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
  for (const node of [document.documentElement, document.body]) {
    node.className = "";
    for (const a of ["data-theme", "data-jp-theme-light", "data-vscode-theme-kind"]) node.removeAttribute(a);
  }
});

describe("the host's light or dark", () => {
  it("follows the OS when the page says nothing", () => {
    osScheme(true);
    expect(hostScheme(mount())).toBe("dark");
    osScheme(false);
    expect(hostScheme(mount())).toBe("light");
  });

  it("a page's light/dark class (marimo) wins over the OS", () => {
    osScheme(true);
    document.body.classList.add("light");
    expect(hostScheme(mount())).toBe("light");
    document.body.classList.remove("light");
    document.documentElement.classList.add("dark");
    osScheme(false);
    expect(hostScheme(mount())).toBe("dark");
  });

  it("VS Code's theme kind and data-theme are read too", () => {
    osScheme(false);
    document.body.setAttribute("data-vscode-theme-kind", "vscode-high-contrast");
    expect(hostScheme(mount())).toBe("dark");
    document.body.removeAttribute("data-vscode-theme-kind");
    document.documentElement.setAttribute("data-theme", "dark");
    expect(hostScheme(mount())).toBe("dark");
  });

  it("under JupyterLab nothing is set: its own variables apply", () => {
    osScheme(true);
    document.body.setAttribute("data-jp-theme-light", "true");
    const root = mount();
    root.style.setProperty("--jp-layout-color0", "#123456"); // left over from elsewhere
    expect(applyScheme(root)).toBeNull();
    expect(root.style.getPropertyValue("--jp-layout-color0")).toBe("");
    expect(root.dataset.scheme).toBeUndefined();
  });

  it("sets the scheme's variables on the root and re-applies when the page switches", async () => {
    osScheme(false);
    const root = mount();
    const ac = new AbortController();
    const changed = vi.fn();
    followHostScheme(root, changed, ac.signal);
    expect(root.dataset.scheme).toBe("light");
    expect(root.style.getPropertyValue("--jp-layout-color0")).toBe(SCHEMES.light["--jp-layout-color0"]);
    document.body.classList.add("dark");
    await new Promise((r) => setTimeout(r, 0)); // mutation observers run as microtasks
    expect(root.dataset.scheme).toBe("dark");
    expect(root.style.getPropertyValue("--jp-ui-font-color1")).toBe(SCHEMES.dark["--jp-ui-font-color1"]);
    expect(changed).toHaveBeenCalledTimes(1);
    ac.abort();
    document.body.classList.remove("dark");
    await new Promise((r) => setTimeout(r, 0));
    expect(root.dataset.scheme).toBe("dark"); // stopped listening
  });
});
