import { describe, expect, it } from "vitest";

import { createMinimalPolicy } from "../fixtures/minimal-policy.ts";
import type { NotificationRule } from "../schema/notifications.ts";
import type { PolicyDocument } from "../schema/policy.ts";
import { validatePolicy } from "./index.ts";

const RULE: NotificationRule = {
  key: "notice-issued",
  event: "letter-issued",
  letterType: "warning-notice",
  recipients: [{ role: "headteacher" }, { person: "assignedOfficer" }],
  subject: "{{ letter.type }} for {{ school.name }}",
  body: "Dear {{ recipient.name }},\n\n{{ authority.name }} issued a {{ letter.type }} on {{ event.date }}.",
  delivery: "immediate",
};

function withNotifications(...rules: Partial<NotificationRule>[]): PolicyDocument {
  const policy = createMinimalPolicy();
  policy.notifications = rules.map((r): NotificationRule => ({ ...RULE, ...r }));
  return policy;
}

function errors(policy: PolicyDocument) {
  return validatePolicy(policy).problems.filter((p) => p.severity === "error");
}

function problemsAt(policy: PolicyDocument, pointer: string): string[] {
  return errors(policy)
    .filter((p) => p.pointer === pointer)
    .map((p) => p.message);
}

describe("the notifications section", () => {
  it("accepts rules naming real events, roles, letter types and merge fields", () => {
    const policy = withNotifications(RULE, {
      key: "to-notice",
      event: "stage-changed",
      letterType: undefined,
      stage: "notice",
      recipients: [{ role: "senior-officer" }],
      subject: "{{ school.name }} is now at {{ case.stage }}",
      delivery: "digest",
    });
    expect(errors(policy)).toEqual([]);
  });

  it("refuses an event Steward does not have, at its pointer", () => {
    const policy = withNotifications({ event: "letter-posted" as NotificationRule["event"] });
    expect(errors(policy).some((p) => p.pointer.startsWith("/notifications/0/event"))).toBe(true);
  });

  it("refuses a role the policy does not define, naming the roles it has", () => {
    const policy = withNotifications({ recipients: [{ role: "governor" }] });
    expect(problemsAt(policy, "/notifications/0/recipients/0/role").join()).toMatch(
      /There is no role "governor"\. Use one of: adviser, senior-officer/,
    );
  });

  it("refuses a recipient with both a role and a person, or neither", () => {
    const policy = withNotifications({ recipients: [{ role: "adviser", person: "assignedOfficer" }] });
    expect(problemsAt(policy, "/notifications/0/recipients/0").join()).toMatch(
      /either a role or one of the case's people/,
    );
  });

  it("refuses Liquid that does not parse, at the template's pointer", () => {
    const policy = withNotifications({ body: "Hello {% if school.name %}" });
    expect(problemsAt(policy, "/notifications/0/body").join()).toMatch(/The template does not parse/);
  });

  it("refuses a merge field notifications do not have, and a file include", () => {
    const policy = withNotifications({ subject: "{{ letter.deadline }}", body: "{% include 'x' %}" });
    expect(problemsAt(policy, "/notifications/0/subject").join()).toMatch(
      /"letter.deadline", which is not a merge field\. Use one of: authority.name/,
    );
    expect(problemsAt(policy, "/notifications/0/body").join()).toMatch(/cannot include other files/);
  });

  it("refuses a narrowing the event does not have, and a stage that does not exist", () => {
    const policy = withNotifications(
      { event: "officer-assigned", letterType: "warning-notice" },
      { key: "b", event: "stage-changed", letterType: undefined, stage: "nowhere" },
    );
    expect(problemsAt(policy, "/notifications/0/letterType").join()).toMatch(/cannot be narrowed by letterType/);
    expect(problemsAt(policy, "/notifications/1/stage").join()).toMatch(/There is no stage "nowhere"/);
  });

  it("refuses a key used twice", () => {
    const policy = withNotifications(RULE, RULE);
    expect(problemsAt(policy, "/notifications/1/key").join()).toMatch(/already used/);
  });
});
