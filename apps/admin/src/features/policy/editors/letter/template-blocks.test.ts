import { describe, expect, it } from "vitest";

import { createMinimalPolicy } from "@steward/policy-config/fixtures";
import eastmere from "@steward/policy-config/fixtures/eastmere/policy.json" with { type: "json" };
import northShireRevised from "@steward/policy-config/fixtures/north-shire/policy-revised.json" with { type: "json" };
import northShire from "@steward/policy-config/fixtures/north-shire/policy.json" with { type: "json" };
import westmarch from "@steward/policy-config/fixtures/westmarch/policy.json" with { type: "json" };
import cambridgeshire from "@steward/policy-config/tenants/cambridgeshire/policy.json" with { type: "json" };
import lincolnshire from "@steward/policy-config/tenants/lincolnshire/policy.json" with { type: "json" };

import { UnrepresentableTemplate } from "./template-blocks.ts";
import { parseTemplateBody, parseTemplateSubject } from "./template-parser.ts";
import { serialiseBlocks, serialiseInline } from "./template-serialise.ts";

const policies = {
  cambridgeshire,
  lincolnshire,
  westmarch,
  eastmere,
  northShire,
  northShireRevised,
  minimal: createMinimalPolicy(),
};
const templates = Object.entries(policies).flatMap(([name, policy]) =>
  policy.letterTypes.map((letterType) => ({ name: `${name} ${letterType.key}`, ...letterType.template })),
);

/** Whitespace between blocks (tags and Liquid tags) is the one thing the editor does not keep. */
const normalise = (source: string) => source.replace(/(>|%\})\s+(<|\{%)/g, "$1$2").trim();

describe("letter templates as blocks", () => {
  it.each(templates)("$name: the body and subject come back as they were", ({ body, subject }) => {
    const blocks = parseTemplateBody(body);
    expect(serialiseBlocks(blocks)).toBe(normalise(body));
    expect(serialiseInline(parseTemplateSubject(subject), "text")).toBe(subject);
    // Everything but a table is drawn as blocks the editor breaks down.
    const kept = JSON.stringify(blocks).match(/"kind":"html","source":"<\w+/g) ?? [];
    expect(kept.filter((html) => !html.endsWith("<table"))).toEqual([]);
  });

  it("draws paragraphs with merge fields, repeated list items and conditional blocks, not raw Liquid", () => {
    const blocks = parseTemplateBody(
      "<p>Dear {{ recipient.name }},</p><ul>{% for i in indicators %}<li>{{ i.text }}</li>{% endfor %}</ul>{% if letter.notes.size > 0 %}<p><strong>{{ letter.notes }}</strong></p>{% endif %}",
    );
    expect(blocks).toEqual([
      {
        kind: "text",
        tag: "p",
        inline: [
          { kind: "text", text: "Dear " },
          { kind: "field", path: "recipient.name" },
          { kind: "text", text: "," },
        ],
      },
      {
        kind: "list",
        tag: "ul",
        items: [
          {
            kind: "loop",
            loop: { variable: "i", collection: "indicators" },
            inline: [{ kind: "field", path: "i.text" }],
          },
        ],
      },
      {
        kind: "if",
        condition: "letter.notes.size > 0",
        blocks: [
          {
            kind: "text",
            tag: "p",
            inline: [{ kind: "mark", tag: "strong", children: [{ kind: "field", path: "letter.notes" }] }],
          },
        ],
      },
    ]);
  });

  it("keeps a table as its own HTML block, Liquid and all", () => {
    const table = "<table><tbody>{% for a in actions %}<tr><td>{{ a.text }}</td></tr>{% endfor %}</tbody></table>";
    expect(parseTemplateBody(`<p>x</p>${table}`)[1]).toEqual({ kind: "html", source: table });
  });

  it.each([
    ["{% if x %}<p>a</p>{% else %}<p>b</p>{% endif %}", /else/],
    ["<p>a</p>{% if x %}<p>b</p>", /never closed/],
    ["Loose text", /outside any paragraph/],
    ["<p>{{ unclosed </p>", /does not parse/],
  ])("refuses %s with a sentence why", (body, why) => {
    expect(() => parseTemplateBody(body)).toThrow(UnrepresentableTemplate);
    expect(() => parseTemplateBody(body)).toThrow(why);
  });

  it("escapes what a user types so it stays text", () => {
    expect(serialiseBlocks([{ kind: "text", tag: "p", inline: [{ kind: "text", text: "A < B & C" }] }])).toBe(
      "<p>A &lt; B &amp; C</p>",
    );
  });
});
