import { resolveObjectURL } from "node:buffer";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { newStopToken, revokeStopToken, stopCheck, WorkStopped } from "../../viewer/src/stop-token.js";

/**
 * A synchronous XMLHttpRequest as a worker has it, for `blob:` URLs only: a revoked URL fails as a network error
 * (Node resolves the page's `URL.createObjectURL` tokens with `resolveObjectURL`). Counts the requests made.
 */
class BlobXhr {
  static sent = 0;
  status = 0;
  private url = "";
  open(method: string, url: string, async: boolean): void {
    if (method !== "GET" || async) throw new Error("only synchronous GET is modelled");
    this.url = url;
  }
  send(): void {
    BlobXhr.sent++;
    if (!resolveObjectURL(this.url)) throw new Error("NetworkError");
    this.status = 200;
  }
}

const scope = globalThis as { XMLHttpRequest?: unknown };

beforeEach(() => {
  BlobXhr.sent = 0;
  scope.XMLHttpRequest = BlobXhr;
});

afterEach(() => {
  delete scope.XMLHttpRequest;
});

describe("stop tokens", () => {
  test("the check passes while the token lives and throws WorkStopped once the page revokes it", () => {
    const token = newStopToken();
    const check = stopCheck(token, 0);
    expect(() => check()).not.toThrow();
    expect(() => check()).not.toThrow();
    revokeStopToken(token);
    expect(() => check()).toThrow(WorkStopped);
    expect(BlobXhr.sent).toBe(3);
  });

  test("a worker asks at most once per interval", () => {
    const token = newStopToken();
    const check = stopCheck(token, 60_000);
    for (let i = 0; i < 100; i++) check();
    revokeStopToken(token);
    // within the interval the revoked token is not asked about yet
    expect(() => check()).not.toThrow();
    expect(BlobXhr.sent).toBe(0);
  });

  test("without a token, or without XMLHttpRequest (Node), the check never stops the work", () => {
    const none = stopCheck(undefined, 0);
    expect(() => none()).not.toThrow();
    expect(BlobXhr.sent).toBe(0);
    delete scope.XMLHttpRequest;
    const token = newStopToken();
    revokeStopToken(token);
    expect(() => stopCheck(token, 0)()).not.toThrow();
  });

  test("revoking no token is harmless", () => {
    expect(() => revokeStopToken(null)).not.toThrow();
  });
});
