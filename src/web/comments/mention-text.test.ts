import { describe, expect, it } from "vitest";
import { insertMention, matchMembers, mentionedIds, mentionQueryAt, splitMentions } from "./mention-text.js";

const members = [
  { userId: "u1", name: "Anna" },
  { userId: "u2", name: "Anna Lee" },
  { userId: "u3", name: "Борис" },
];

describe("splitMentions", () => {
  it("marks @Name of members, preferring the longest name, and keeps the rest as text", () => {
    expect(splitMentions("Hi @Anna Lee and @Борис, see @Anna.", members)).toEqual([
      { text: "Hi ", userId: null },
      { text: "@Anna Lee", userId: "u2" },
      { text: " and ", userId: null },
      { text: "@Борис", userId: "u3" },
      { text: ", see ", userId: null },
      { text: "@Anna", userId: "u1" },
      { text: ".", userId: null },
    ]);
  });

  it("ignores names inside words, unknown names and e-mail addresses", () => {
    expect(mentionedIds("@Annabel mail anna@Anna.example @Ghost", members)).toEqual([]);
  });

  it("leaves markup as plain text", () => {
    expect(splitMentions("<b>@Anna</b>", members)).toEqual([{ text: "<b>@Anna</b>", userId: null }]);
    expect(splitMentions("<b> @Anna", members)[1]).toEqual({ text: "@Anna", userId: "u1" });
  });
});

describe("mention autocomplete", () => {
  it("finds the @query before the caret, names with one space included", () => {
    expect(mentionQueryAt("Hello @An", 9)).toEqual({ start: 6, query: "An" });
    expect(mentionQueryAt("Hello @Anna L", 13)).toEqual({ start: 6, query: "Anna L" });
    expect(mentionQueryAt("mail a@b", 8)).toBeNull();
    expect(mentionQueryAt("@Anna\nnext", 10)).toBeNull();
    expect(mentionQueryAt("no mention", 5)).toBeNull();
  });

  it("replaces the query with the full name and moves the caret after it", () => {
    expect(insertMention("Hi @an, ok", 3, 6, "Anna Lee")).toEqual({ text: "Hi @Anna Lee , ok", caret: 13 });
  });

  it("suggests members whose name starts with the query first", () => {
    const suggestions = matchMembers([...members, { userId: "u4", name: "Joanna" }], "ann");
    expect(suggestions.map((m) => m.userId)).toEqual(["u1", "u2", "u4"]);
  });
});
