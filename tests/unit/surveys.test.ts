import { describe, expect, it } from "vitest";
import {
  classify,
  DETERMINANT_TEMPLATES,
  DETERMINANTS,
  formatP,
  groupFromChoices,
  screeningTemplate,
  baseForm,
  tabulateSurvey,
  tabulationCsv,
  TEMPLATE_RESPONSES,
  type Determinant,
  type SurveyShape,
} from "@/lib/domain/surveys";

const shape: SurveyShape = {
  questions: [
    {
      id: "s1",
      text: "In the last two weeks, did you post the root cause?",
      kind: "SCREENING",
      determinant: null,
      multiple: false,
      options: [
        { id: "s1-yes", label: "Yes, every time", classifies: "DOER" },
        { id: "s1-no", label: "Not every time", classifies: "NON_DOER" },
        { id: "s1-never", label: "It was never due", classifies: "EXCLUDED" },
      ],
    },
    {
      id: "s2",
      text: "Are you on the on-call rota?",
      kind: "SCREENING",
      determinant: null,
      multiple: false,
      options: [
        { id: "s2-yes", label: "Yes", classifies: "DOER" },
        { id: "s2-no", label: "No", classifies: "EXCLUDED" },
      ],
    },
    {
      id: "d1",
      text: "Is it difficult to get the tools you need?",
      kind: "DETERMINANT",
      determinant: "ACCESS",
      multiple: false,
      options: [
        { id: "d1-yes", label: "Yes", classifies: null },
        { id: "d1-no", label: "No", classifies: null },
      ],
    },
    {
      id: "d2",
      text: "Do your colleagues approve?",
      kind: "DETERMINANT",
      determinant: "SOCIAL_NORMS",
      multiple: false,
      options: [
        { id: "d2-yes", label: "Yes", classifies: null },
        { id: "d2-unsure", label: "Not sure", classifies: null },
        { id: "d2-no", label: "No", classifies: null },
      ],
    },
  ],
};

describe("classify", () => {
  it("excludes when any screening answer excludes, even alongside non-doer", () => {
    expect(classify(["DOER", "EXCLUDED"])).toBe("EXCLUDED");
    expect(classify(["NON_DOER", "EXCLUDED", "DOER"])).toBe("EXCLUDED");
  });
  it("is a non-doer when any answer says non-doer", () => {
    expect(classify(["DOER", "NON_DOER", "DOER"])).toBe("NON_DOER");
    expect(classify(["NON_DOER"])).toBe("NON_DOER");
  });
  it("is a doer only when every answer says doer", () => {
    expect(classify(["DOER"])).toBe("DOER");
    expect(classify(["DOER", "DOER", "DOER"])).toBe("DOER");
  });
  it("is null when a screening answer is missing, or there are no screening questions", () => {
    expect(classify(["DOER", null])).toBeNull();
    expect(classify([undefined, "DOER"])).toBeNull();
    expect(classify(["NON_DOER", null])).toBeNull();
    expect(classify([])).toBeNull();
  });
});

describe("groupFromChoices", () => {
  it("classifies from the options chosen for the screening questions", () => {
    expect(groupFromChoices(shape, new Set(["s1-yes", "s2-yes", "d1-yes"]))).toBe("DOER");
    expect(groupFromChoices(shape, new Set(["s1-no", "s2-yes"]))).toBe("NON_DOER");
    expect(groupFromChoices(shape, new Set(["s1-no", "s2-no"]))).toBe("EXCLUDED");
    expect(groupFromChoices(shape, new Set(["s1-never", "s2-yes"]))).toBe("EXCLUDED");
  });
  it("is null when a screening question has no answer", () => {
    expect(groupFromChoices(shape, new Set(["s1-yes"]))).toBeNull();
    expect(groupFromChoices(shape, new Set(["d1-yes", "d2-no"]))).toBeNull();
    expect(groupFromChoices(shape, new Set())).toBeNull();
  });
  it("ignores determinant answers and unknown ids", () => {
    expect(groupFromChoices(shape, new Set(["s1-yes", "s2-yes", "d2-no", "not-an-option"]))).toBe("DOER");
  });
});

describe("tabulateSurvey", () => {
  const counts = new Map([
    ["d1-yes", { doers: 30, nonDoers: 10 }],
    ["d1-no", { doers: 20, nonDoers: 40 }],
    ["d2-yes", { doers: 25, nonDoers: 25 }],
    // d2-unsure and d2-no: nobody gave them
    ["s1-yes", { doers: 50, nonDoers: 0 }],
  ]);
  const totals = { doers: 50, nonDoers: 50 };

  it("has one row per response of every determinant question, in order, and no screening rows", () => {
    const rows = tabulateSurvey(shape, counts, totals);
    expect(rows.map((r) => [r.questionId, r.determinant, r.optionId, r.response])).toEqual([
      ["d1", "ACCESS", "d1-yes", "Yes"],
      ["d1", "ACCESS", "d1-no", "No"],
      ["d2", "SOCIAL_NORMS", "d2-yes", "Yes"],
      ["d2", "SOCIAL_NORMS", "d2-unsure", "Not sure"],
      ["d2", "SOCIAL_NORMS", "d2-no", "No"],
    ]);
    expect(rows[0]!.question).toBe("Is it difficult to get the tools you need?");
  });
  it("takes each response's counts from the map, zero when the option is missing", () => {
    const rows = tabulateSurvey(shape, counts, totals);
    expect(
      rows.map((r) => [r.stats.doersWith, r.stats.doersTotal, r.stats.nonDoersWith, r.stats.nonDoersTotal]),
    ).toEqual([
      [30, 50, 10, 50],
      [20, 50, 40, 50],
      [25, 50, 25, 50],
      [0, 50, 0, 50],
      [0, 50, 0, 50],
    ]);
    expect(rows[3]!.stats.pctDoers).toBe(0);
    expect(rows[3]!.stats.pctNonDoers).toBe(0);
  });
  it("computes the odds ratio and estimated relative risk of a response as by hand", () => {
    const yes = tabulateSurvey(shape, counts, totals)[0]!.stats;
    // a = 30 doers with, c = 20 without; b = 10 non-doers with, d = 40 without.
    // OR = (a·d)/(b·c) = (30·40)/(10·20) = 6
    expect(yes.oddsRatio).toBe(6);
    // Woolf: SE = √(1/30 + 1/10 + 1/20 + 1/40) = √0.208333 = 0.456435; exp(ln 6 ± 1.96·0.456435) = 2.4526 … 14.678
    expect(yes.orCiLow).toBeCloseTo(2.4526, 4);
    expect(yes.orCiHigh).toBeCloseTo(14.678, 3);
    // pct: 30/50 = 60%, 10/50 = 20%
    expect(yes.pctDoers).toBe(60);
    expect(yes.pctNonDoers).toBe(20);
    // Default prevalence 0.1: p1 = 0.6, p0 = 0.2; P(doer|yes) = 0.06/(0.06+0.18) = 0.25;
    // P(doer|no) = 0.04/(0.04+0.72) = 1/19; ERR = 0.25·19 = 4.75
    expect(yes.err).toBeCloseTo(4.75, 10);
    // N−1 chi-square = (30·40 − 10·20)²·99 / (40·60·50·50) = 10⁶·99 / 6·10⁶ = 16.5, p ≈ 4.87e-5
    expect(yes.test).toBe("chi-square (N-1)");
    expect(yes.pValue).toBeCloseTo(4.865e-5, 7);
    expect(yes.significant).toBe(true);
    expect(yes.direction).toBe("enabler");
  });
  it("uses the prevalence it is given", () => {
    // P = 0.5: P(doer|yes) = 0.3/(0.3+0.1) = 0.75; P(doer|no) = 0.2/(0.2+0.4) = 1/3; ERR = 2.25
    const yes = tabulateSurvey(shape, counts, totals, 0.5)[0]!.stats;
    expect(yes.err).toBeCloseTo(2.25, 10);
    expect(yes.oddsRatio).toBe(6);
  });
  it("compares nothing when a group is empty", () => {
    const stats = tabulateSurvey(shape, new Map([["d1-yes", { doers: 3, nonDoers: 0 }]]), { doers: 5, nonDoers: 0 })[0]!
      .stats;
    expect(stats.pctDoers).toBe(60);
    expect(stats.pctNonDoers).toBeNull();
    expect(stats.oddsRatio).toBeNull();
    expect(stats.pValue).toBeNull();
    expect(stats.significant).toBe(false);
  });
});

describe("tabulationCsv", () => {
  const label = (d: Determinant) =>
    ({ ACCESS: "Access", SOCIAL_NORMS: "Social norms" })[d as "ACCESS" | "SOCIAL_NORMS"] ?? d;
  const HEADER =
    "determinant,question,response,doers_with,doers_total,nondoers_with,nondoers_total,pct_doers,pct_nondoers,odds_ratio,or_ci_low,or_ci_high,err,p_value,test,significant";

  it("writes exactly the documented header and one line per response", () => {
    const rows = tabulateSurvey(
      shape,
      new Map([
        ["d1-yes", { doers: 30, nonDoers: 10 }],
        ["d2-yes", { doers: 5, nonDoers: 5 }],
      ]),
      { doers: 50, nonDoers: 50 },
    );
    const lines = tabulationCsv(rows, label).split("\r\n");
    expect(lines[0]).toBe(HEADER);
    // 5 responses + header + the empty string after the final line break
    expect(lines).toHaveLength(7);
    expect(lines[6]).toBe("");
    // 30/50 vs 10/50: OR 6, Woolf CI 2.4526…–14.678…, ERR 4.75, p = 4.865e-5 (< 0.0001 → exponent form)
    expect(lines[1]).toBe(
      "Access,Is it difficult to get the tools you need?,Yes,30,50,10,50,60.0,20.0,6.000,2.453,14.678,4.750,4.865e-5,chi-square (N-1),yes",
    );
    expect(lines.slice(3, 6).map((l) => l.split(",").slice(0, 3).join(","))).toEqual([
      "Social norms,Do your colleagues approve?,Yes",
      "Social norms,Do your colleagues approve?,Not sure",
      "Social norms,Do your colleagues approve?,No",
    ]);
  });
  it("writes p-values of 0.0001 and above with four decimals", () => {
    // 5 of 10 doers and 5 of 10 non-doers: no difference, OR 1, ERR 1, χ² = 0 → p = 1
    const rows = tabulateSurvey(shape, new Map([["d1-yes", { doers: 5, nonDoers: 5 }]]), { doers: 10, nonDoers: 10 });
    const line = tabulationCsv(rows.slice(0, 1), label).split("\r\n")[1];
    // Woolf CI: SE = √(4/5) = 0.8944; exp(±1.96·0.8944) = 0.173 … 5.772
    expect(line).toBe(
      "Access,Is it difficult to get the tools you need?,Yes,5,10,5,10,50.0,50.0,1.000,0.173,5.772,1.000,1.0000,chi-square (N-1),no",
    );
  });
  it("leaves the statistics empty when a group has nobody", () => {
    const rows = tabulateSurvey(shape, new Map([["d1-yes", { doers: 3, nonDoers: 0 }]]), { doers: 4, nonDoers: 0 });
    const line = tabulationCsv(rows.slice(0, 1), label).split("\r\n")[1];
    // 3/4 doers = 75.0%; non-doers empty → every comparison cell empty, not significant
    expect(line).toBe("Access,Is it difficult to get the tools you need?,Yes,3,4,0,0,75.0,,,,,,,,no");
  });
  it("quotes cells with commas and quotes", () => {
    const quoted: SurveyShape = {
      questions: [
        {
          id: "q",
          text: 'Is the "runbook" up to date, usually?',
          kind: "DETERMINANT",
          determinant: "ACCESS",
          multiple: false,
          options: [{ id: "o", label: "Yes, mostly", classifies: null }],
        },
      ],
    };
    const line = tabulationCsv(tabulateSurvey(quoted, new Map(), { doers: 0, nonDoers: 0 }), label).split("\r\n")[1];
    expect(line).toBe('Access,"Is the ""runbook"" up to date, usually?","Yes, mostly",0,0,0,0,,,,,,,,,no');
  });
  it("is only the header when there is nothing to tabulate", () => {
    expect(tabulationCsv([], label)).toBe(HEADER + "\r\n");
  });
});

describe("formatP", () => {
  it("shows three decimals, '< 0.001' for tiny values and a dash for none", () => {
    expect(formatP(null)).toBe("–");
    expect(formatP(0.00004865)).toBe("< 0.001");
    expect(formatP(0.000999)).toBe("< 0.001");
    expect(formatP(0.001)).toBe("0.001");
    expect(formatP(0.0494)).toBe("0.049");
    expect(formatP(0.05)).toBe("0.050");
    expect(formatP(1)).toBe("1.000");
  });
});

describe("screeningTemplate", () => {
  it("asks about the last two weeks with the action as written, minus a trailing full stop", () => {
    expect(screeningTemplate("post the root cause on the ticket.").text).toBe(
      "In the last two weeks, each time it was due, did you post the root cause on the ticket?",
    );
    expect(screeningTemplate("  demo one customer journey . ").text).toBe(
      "In the last two weeks, each time it was due, did you demo one customer journey?",
    );
  });
  it("asks in the second person: the behaviour's third-person verb becomes its base form", () => {
    expect(screeningTemplate("posts the root cause on the customer's ticket").text).toBe(
      "In the last two weeks, each time it was due, did you post the root cause on the customer's ticket?",
    );
    expect(baseForm("demos each change")).toBe("demo each change");
    expect(baseForm("watches a session")).toBe("watch a session");
    expect(baseForm("verifies the fix")).toBe("verify the fix");
    expect(baseForm("has a call")).toBe("have a call");
    expect(baseForm("presents the list")).toBe("present the list");
    expect(baseForm("discuss the plan")).toBe("discuss the plan");
    expect(baseForm("says thanks")).toBe("say thanks");
  });
  it("falls back to a generic action when none is given", () => {
    expect(screeningTemplate("   ").text).toBe(
      "In the last two weeks, each time it was due, did you do this behaviour?",
    );
  });
  it("offers doer, non-doer and excluded answers", () => {
    expect(screeningTemplate("x").options).toEqual([
      { label: "Yes, every time", classifies: "DOER" },
      { label: "Not every time", classifies: "NON_DOER" },
      { label: "It was never due", classifies: "EXCLUDED" },
    ]);
  });
});

describe("determinant templates", () => {
  it("have a question and responses for each of the 12 determinants", () => {
    expect(DETERMINANTS).toHaveLength(12);
    expect(Object.keys(DETERMINANT_TEMPLATES).sort()).toEqual([...DETERMINANTS].sort());
    expect(Object.keys(TEMPLATE_RESPONSES).sort()).toEqual([...DETERMINANTS].sort());
    for (const d of DETERMINANTS) {
      expect(DETERMINANT_TEMPLATES[d]).toMatch(/\?$/);
      expect(TEMPLATE_RESPONSES[d].length).toBeGreaterThanOrEqual(2);
      expect(new Set(TEMPLATE_RESPONSES[d]).size).toBe(TEMPLATE_RESPONSES[d].length);
    }
  });
  it("ask a different question for each determinant", () => {
    const texts = DETERMINANTS.map((d) => DETERMINANT_TEMPLATES[d].trim().toLowerCase());
    expect(new Set(texts).size).toBe(12);
  });
});
