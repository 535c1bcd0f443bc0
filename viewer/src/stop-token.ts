/**
 * Telling a busy worker to stop. `Worker.terminate()` does not stop a worker in the middle of a task: Chrome ends
 * it when the task returns, or by force two seconds later through a task on the *page's* thread, which waits while
 * the page checks and draws a dropped file. The bundled graph's full analysis is long tasks (the flow analysis,
 * 3 CPU s in Node; the Monte Carlo intervals, 4 CPU s), and in traces of a file dropped as the page showed its
 * first answer the old analysis went on for seconds after the drop, taking one of the machine's two cores from
 * the file's check and first drawing (tests/bench/results/viewer-first-drawing.md).
 *
 * So each request to a worker carries a stop token: a `blob:` URL the page revokes when it stops the work. The
 * worker asks, between the steps of its long tasks (the library's progress callbacks), whether the URL still
 * resolves: a synchronous XMLHttpRequest (allowed in workers) for an empty Blob, about 3 ms, made at most every
 * `STOP_CHECK_INTERVAL_MS`. Revoking the URL takes effect at once, however busy the page's thread is. Nothing
 * leaves the page: a `blob:` URL names memory of this page.
 */

/** A busy worker checks its token at most this often (each check costs about 3 ms in software WebGL's Chromium). */
export const STOP_CHECK_INTERVAL_MS = 100;

/** Thrown in a worker whose work was stopped by the page (nothing is posted for it). */
export class WorkStopped extends Error {
  constructor() {
    super("stopped by the page");
    this.name = "WorkStopped";
  }
}

/** A new stop token (page side): pass it with a request, `revokeStopToken` it to stop that request's work. */
export function newStopToken(): string {
  return URL.createObjectURL(new Blob([]));
}

/** Stop the work of a token (page side; also frees the token once the work has ended). */
export function revokeStopToken(token: string | null): void {
  if (token) URL.revokeObjectURL(token);
}

/** True while the page has not revoked `token`. */
function tokenAlive(token: string): boolean {
  try {
    const request = new XMLHttpRequest();
    request.open("GET", token, false);
    request.send();
    return request.status === 200;
  } catch {
    // a revoked blob: URL fails as a network error
    return false;
  }
}

/**
 * The worker side: a function to call often during long work; it throws `WorkStopped` once the page has revoked
 * `token` (asking at most every `intervalMs`). Without a token (or without XMLHttpRequest) it never throws.
 */
export function stopCheck(token: string | undefined, intervalMs = STOP_CHECK_INTERVAL_MS): () => void {
  if (!token || typeof XMLHttpRequest === "undefined") return () => {};
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < intervalMs) return;
    last = now;
    if (!tokenAlive(token)) throw new WorkStopped();
  };
}
