import { afterEach, describe, expect, it, vi } from "vitest";
import { flowProgress } from "../../src/cli/commands/flow.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("flow progress on stderr", () => {
  it("stays silent for the first second, then prints a line per 10% when stderr is not a terminal", () => {
    const lines: string[] = [];
    let now = 0;
    vi.spyOn(Date, "now").mockImplementation(() => now);
    const p = flowProgress({ stdout: () => {}, stderr: (t) => lines.push(t), stderrIsTTY: false });
    p.onProgress("chokepoints", 1, 20);
    now = 900;
    p.onProgress("chokepoints", 2, 20);
    expect(lines).toEqual([]);
    now = 1200;
    for (let d = 3; d <= 20; d++) p.onProgress("chokepoints", d, 20);
    expect(lines[0]).toBe("flow chokepoints: 3/20 (15%)\n");
    expect(lines.at(-1)).toBe("flow chokepoints: 20/20 (100%)\n");
    expect(lines.length).toBe(10); // one per tenth reached: 15%, 20%, ..., 100%
    // a new phase starts its own one-second grace period
    p.onProgress("attack", 1, 10);
    expect(lines.length).toBe(10);
    p.stop();
  });
});
