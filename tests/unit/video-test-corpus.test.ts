import { describe, expect, it } from "vitest";
import { videoTest } from "@/lib/domain/video-test";
import { behaviourOf, CATEGORIES, CORPUS } from "./data/video-test-corpus";

// Precision and recall on the labelled corpus, with "fails the video test" as the positive class:
// precision = of the behaviours the test fails, the share that should fail; recall = of the
// behaviours that should fail, the share the test fails.
describe("the video test on the labelled corpus", () => {
  const results = CORPUS.map((c) => ({ c, flagged: !videoTest(behaviourOf(c)).passes }));
  const tp = results.filter((r) => r.c.fails && r.flagged).length;
  const fp = results.filter((r) => !r.c.fails && r.flagged).length;
  const fn = results.filter((r) => r.c.fails && !r.flagged).length;
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);

  it("has at least 300 cases, about half passing, every category in several wordings", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(300);
    const passing = CORPUS.filter((c) => !c.fails).length / CORPUS.length;
    expect(passing).toBeGreaterThan(0.4);
    expect(passing).toBeLessThan(0.6);
    for (const cat of CATEGORIES)
      expect(CORPUS.filter((c) => c.category === cat).length, cat).toBeGreaterThanOrEqual(5);
    // Every failing category has failing cases, and the opposite error has passing ones.
    for (const cat of CATEGORIES.filter((c) => c !== "quoted" && c !== "plain"))
      expect(CORPUS.filter((c) => c.category === cat && c.fails).length, cat).toBeGreaterThanOrEqual(5);
    expect(CORPUS.filter((c) => c.category === "quoted" && !c.fails).length).toBeGreaterThanOrEqual(20);
  });

  it("reaches precision and recall of at least 0.95 ('fails the test' is the positive class)", () => {
    const wrong = results.filter((r) => r.c.fails !== r.flagged);
    console.log(
      `video-test corpus: ${CORPUS.length} cases, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} ` +
        `(positive class: fails the video test; tp ${tp}, fp ${fp}, fn ${fn})` +
        (wrong.length
          ? `\n  misclassified:\n${wrong.map((r) => `    [${r.c.category}] ${r.c.fails ? "missed" : "false alarm"}: ${JSON.stringify(r.c.parts)}`).join("\n")}`
          : ""),
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
