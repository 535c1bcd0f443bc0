/** Bootstrap: check WebGL, then start the app on the state in the URL hash. */
import { App } from "./app.js";
import { noWebGlMessage } from "./panels/messages.js";

function hasWebGl(): boolean {
  try {
    const canvas = document.createElement("canvas");
    return (canvas.getContext("webgl2") ?? canvas.getContext("webgl")) !== null;
  } catch {
    return false;
  }
}

const stage = document.getElementById("stage");
if (!stage) throw new Error("viewer: the page has no #stage element");
if (!hasWebGl()) {
  noWebGlMessage(stage);
} else {
  const byId = (id: string) => document.getElementById(id) as HTMLElement;
  const app = new App({
    left: byId("left"),
    right: byId("right"),
    graph: byId("graph"),
    banner: byId("banner"),
    tooltip: byId("tooltip"),
    legend: byId("legend"),
    timeline: byId("timeline"),
  });
  app.start().catch((e: Error) => {
    const banner = byId("banner");
    banner.className = "error";
    banner.textContent = `The viewer could not start: ${e.message}`;
  });
}
