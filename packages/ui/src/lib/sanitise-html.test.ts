import { describe, expect, it } from "vitest";

import { sanitiseHtml } from "./sanitise-html.ts";

// The page's last guard for a letter's HTML (the server sanitises it before it
// is stored): nothing that runs or reaches out survives, a letter's structure does.
describe("sanitiseHtml", () => {
  it("drops scripts, event handlers, javascript: links and embedded documents", () => {
    const html = sanitiseHtml(
      '<p onclick="steal()">Dear Pat,</p><script>alert(1)</script><img src="x" onerror="alert(2)">' +
        '<a href="javascript:alert(3)">Read</a><a href=" JaVaScRiPt:alert(4)">Again</a><iframe src="https://evil.example/"></iframe>' +
        '<svg><a xlink:href="javascript:alert(5)"><text>svg</text></a></svg><math><mi xlink:href="javascript:alert(6)">m</mi></math>' +
        '<form action="https://evil.example/"><input name="x"></form><style>body{display:none}</style>' +
        '<noscript><p title="</noscript><img src=x onerror=alert(7)>"></p></noscript>',
    );
    expect(html).not.toMatch(/<script|<img|<iframe|<svg|<math|<form|<input|<style|onerror|onclick|javascript:/i);
    expect(html).not.toContain("alert(");
    expect(html).toContain("<p>Dear Pat,</p>");
  });

  it("keeps a letter's structure: paragraphs, lists, tables, and http(s) and mailto links styled as GOV.UK links", () => {
    const html = sanitiseHtml(
      '<p>Dear Pat,</p><ul><li><strong>Low</strong> standards</li></ul><table><thead><tr><th scope="col" style="color:red">Action</th></tr></thead><tbody><tr><td>Plan</td></tr></tbody></table>' +
        '<p><a href="https://www.gov.uk/" target="_blank">GOV.UK</a> <a href="mailto:team@example.org">Email</a></p>',
    );
    expect(html).toContain("<ul><li><strong>Low</strong> standards</li></ul>");
    expect(html).toContain('<th scope="col">Action</th>');
    expect(html).toContain('<a href="https://www.gov.uk/" class="govuk-link">GOV.UK</a>');
    expect(html).toContain('<a href="mailto:team@example.org" class="govuk-link">Email</a>');
  });

  it("turns a letter's headings into bold paragraphs, so they stay out of the page's outline", () => {
    expect(sanitiseHtml("<h1>Warning notice</h1><h3>Actions</h3>")).toBe(
      '<p class="govuk-body govuk-!-font-weight-bold">Warning notice</p><p class="govuk-body govuk-!-font-weight-bold">Actions</p>',
    );
  });
});
