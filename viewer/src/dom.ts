/**
 * The one way the viewer builds DOM: elements with text set through `textContent` and attributes through
 * `setAttribute`. Data never becomes HTML (labels, ids, attributes and error messages may hold markup). Also the
 * page's one way to wait for a frame to be on screen.
 */

type Child = Node | string | null | undefined | false;

/** `el("button", { class: "x", title: "…" }, "text", otherNode)`. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** Replace an element's children. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** An SVG element (for the compare charts and legend swatches). */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  append(node, ...children);
  return node;
}

/**
 * A source as DOM: plain text, with every http(s) URL inside it (a whole-string URL, or "Publication (2025):
 * https://...") turned into a link that opens in a new tab without access to this page. Any other scheme
 * (`javascript:`, `data:`) stays text. Never HTML: text nodes and an element built with createElement.
 */
export function sourceNode(source: string): Node {
  const fragment = document.createDocumentFragment();
  const re = /https?:\/\/[^\s<>"]+/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const raw = m[0].replace(/[.,;)\]]+$/, ""); // trailing punctuation belongs to the sentence
    let url: URL | null = null;
    try {
      url = new URL(raw);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) continue;
    if (m.index > last) fragment.append(document.createTextNode(source.slice(last, m.index)));
    fragment.append(el("a", { href: url.href, target: "_blank", rel: "noopener noreferrer" }, raw));
    last = m.index + raw.length;
    re.lastIndex = last;
  }
  if (last < source.length) fragment.append(document.createTextNode(source.slice(last)));
  return fragment;
}

/** Numbers for people: 12 345, 1.5, 0.25. */
export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const abs = Math.abs(value);
  const d = abs >= 100 ? 0 : abs >= 10 ? Math.min(1, digits) : digits;
  return value.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: 0 });
}

export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return "–";
  return `${(fraction * 100).toFixed(fraction > 0 && fraction < 0.01 ? 1 : 0)}%`;
}

/** Run `f` once the next frame is on screen (two animation frames: the second starts after the first's commit). */
export function afterNextFrame(f: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(f));
}
