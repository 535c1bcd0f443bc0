/** Page-wide input that is not a panel's: undo/redo keys, and graph files dropped anywhere on the page. */

/** What the page's input drives. */
export interface PageInputTarget {
  undo(): void;
  redo(): void;
  loadFile(file: File): void;
}

/** Listen for Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl/Cmd+Y (not while typing in a field) and for dropped files. */
export function listenToPage(target: PageInputTarget): void {
  document.addEventListener("keydown", (event) => {
    const element = event.target as HTMLElement | null;
    if (element && (element.tagName === "INPUT" || element.tagName === "SELECT")) return;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z") {
      event.preventDefault();
      if (event.shiftKey) target.redo();
      else target.undo();
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "y") {
      event.preventDefault();
      target.redo();
    }
  });
  document.addEventListener("dragover", (event) => {
    event.preventDefault();
    document.body.classList.add("dragging");
  });
  document.addEventListener("dragleave", () => document.body.classList.remove("dragging"));
  document.addEventListener("drop", (event) => {
    event.preventDefault();
    document.body.classList.remove("dragging");
    const file = event.dataTransfer?.files[0];
    if (file) target.loadFile(file);
  });
}
