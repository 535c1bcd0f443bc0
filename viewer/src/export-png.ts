/** Export the current view as a PNG: every canvas layer of sigma (map, edges, nodes, marks, labels) on white. */
import type Sigma from "sigma";
import { el } from "./dom.js";

/** Flatten the container's canvases, except sigma's invisible mouse layer, onto one white canvas. */
export function compositeCanvas(renderer: Sigma, container: HTMLElement): HTMLCanvasElement {
  renderer.refresh(); // draws synchronously: the WebGL buffers are readable until this task ends
  const { width, height } = renderer.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const out = document.createElement("canvas");
  out.width = Math.round(width * ratio);
  out.height = Math.round(height * ratio);
  const ctx = out.getContext("2d")!;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  for (const canvas of container.querySelectorAll("canvas")) {
    if (canvas.classList.contains("sigma-mouse")) continue;
    ctx.drawImage(canvas, 0, 0, out.width, out.height);
  }
  return out;
}

/** Offer a canvas to the user as a PNG download named `name`. */
export function downloadPng(canvas: HTMLCanvasElement, name: string): void {
  canvas.toBlob((blob) => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }, "image/png");
}
