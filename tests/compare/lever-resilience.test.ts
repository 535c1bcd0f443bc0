/** `leverResilience`: pillars ranked by the resilience loss they avoid, hand-checked on a chain with a stock. */
import { describe, expect, it, vi } from "vitest";
import { leverResilience } from "../../src/compare/lever-resilience.js";
import type { Lever } from "../../src/levers/types.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

vi.setConfig({ testTimeout: 300_000 });

describe("leverResilience", () => {
  it("a stock of 30 days avoids 30 share-days of a full cut; a lever that changes nothing avoids none", async () => {
    const g = graphFromText(`
      mine [mine CN output=ore capacity=73]
      car [consumer JP demand=73 stockpileDays=30]
      mine -> car volume=73
    `);
    const stockpile: Lever = {
      name: "stockpile",
      pillar: "stockpile",
      edits: [{ select: { node: "car" }, set: { stockpileDays: 0 } }],
    };
    const idle: Lever = {
      name: "idle",
      pillar: "other",
      edits: [{ select: { node: "mine" }, set: { capacity: 73 } }],
    };
    const r = await leverResilience(g, { name: "cut", remove: [{ node: "mine" }] }, [idle, stockpile], "JP", {
      horizon: 60,
      step: 1,
    });
    expect(r.allKept.resilienceLoss.shareDays).toBe(30);
    expect(r.levers.map((l) => [l.lever, l.lossAvoided.shareDays])).toEqual([
      ["stockpile", 30],
      ["idle", 0],
    ]);
    expect(r.levers[0]!.takenAway.timeToSurvive).toBe(0);
  });
});
