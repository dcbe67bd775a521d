import { describe, expect, it } from "vitest";
import { type MatcherDraft, toConditionDraft, toConditions, toDraft, toMatchers } from "./matcher-draft.js";

describe("toMatchers", () => {
  it("turns typed conditions into typed values per operator", () => {
    const drafts: MatcherDraft[] = [
      {
        event: " purchase ",
        where: [
          { property: "revenue", op: "gte", value: "10,5" },
          { property: "channel", op: "in", value: "ads, email ,," },
          { property: "url", op: "regex", value: "^/pay" },
          { property: "plan", op: "equals", value: "pro" },
        ],
      },
    ];
    expect(toMatchers(drafts)).toEqual({
      matchers: [
        {
          event: "purchase",
          where: [
            { property: "revenue", op: "gte", value: 10.5 },
            { property: "channel", op: "in", value: ["ads", "email"] },
            { property: "url", op: "regex", value: "^/pay" },
            { property: "plan", op: "equals", value: "pro" },
          ],
        },
      ],
    });
  });

  it("leaves out blank rows and names the first problem otherwise", () => {
    expect(
      toMatchers([
        { event: "", where: [] },
        { event: "visit", where: [] },
      ]),
    ).toEqual({
      matchers: [{ event: "visit", where: [] }],
    });
    expect(toMatchers([{ event: "", where: [{ property: "a", op: "equals", value: "b" }] }])).toEqual({
      problem: { matcher: 0, condition: null, reason: "noEvent" },
    });
    const withCondition = (op: "gt" | "regex" | "equals", property: string, value: string) =>
      toMatchers([{ event: "visit", where: [{ property, op, value }] }]);
    expect(withCondition("gt", "revenue", "many")).toMatchObject({ problem: { reason: "notNumber" } });
    expect(withCondition("regex", "url", "(")).toMatchObject({ problem: { reason: "badRegex" } });
    expect(withCondition("equals", "", "x")).toMatchObject({ problem: { reason: "noProperty" } });
    expect(withCondition("equals", "plan", " ")).toMatchObject({
      problem: { condition: 0, reason: "noValue" },
    });
  });

  it("round-trips a stored matcher through its draft", () => {
    const matcher = {
      event: "lead",
      where: [
        { property: "source", op: "in" as const, value: ["yandex", "google"] },
        { property: "score", op: "lt" as const, value: 3 },
      ],
    };
    expect(toMatchers([toDraft(matcher)])).toEqual({ matchers: [matcher] });
  });
});

describe("toConditions", () => {
  it("reads a segment rule and names the first bad condition", () => {
    const rule = [{ property: "city", op: "in" as const, value: ["Moscow", "Kazan"] }];
    expect(toConditions(rule.map(toConditionDraft))).toEqual({ conditions: rule });
    expect(
      toConditions([
        { property: "city", op: "equals", value: "Kazan" },
        { property: "age", op: "lt", value: "young" },
      ]),
    ).toEqual({ condition: 1, reason: "notNumber" });
  });
});
