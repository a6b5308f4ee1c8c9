/**
 * Who is told what, and when: each rule names a case event (optionally narrowed to a stage, letter type, visit
 * type, category or follow-up), the people it goes to (the policy's roles, school roles meaning that school's
 * staff, and the case's own people), an email's subject and body in Liquid, and whether it goes at once or in
 * the recipient's daily digest. Steward's code names no event's audience: the policy does.
 */
import { Type, type Static } from "@sinclair/typebox";

import { NOTIFICATION_EVENT_KEYS, NOTIFICATION_PERSON_KEYS } from "../vocabulary.ts";
import { Key, List, RefTo, Strict, Text } from "./common.ts";

export const NotificationRecipient = Strict(
  {
    role: Type.Optional({
      ...RefTo("roles"),
      title: "Role",
      description: "Everyone holding this role of the policy; for a school role, only the staff of the case's school.",
    }),
    person: Type.Optional(
      Type.Union(
        NOTIFICATION_PERSON_KEYS.map((p) => Type.Literal(p)),
        { title: "The case's person", description: "Someone the case itself names, such as its assigned officer." },
      ),
    ),
  },
  { title: "Recipient", description: "A role of the policy, or one of the case's people." },
);

export const NotificationRule = Strict(
  {
    key: Key,
    event: Type.Union(
      NOTIFICATION_EVENT_KEYS.map((e) => Type.Literal(e)),
      { title: "Event", description: "What happens to a case that sends this notification." },
    ),
    stage: Type.Optional({ ...RefTo("stages"), title: "Only on entering this stage" }),
    letterType: Type.Optional({ ...RefTo("letterTypes"), title: "Only for this letter type" }),
    visitType: Type.Optional({ ...RefTo("visitTypes"), title: "Only for this visit type" }),
    category: Type.Optional({ ...RefTo("categories"), title: "Only for this category" }),
    followUp: Type.Optional({ ...RefTo("followUps"), title: "Only when this follow-up starts" }),
    recipients: List(NotificationRecipient, { minItems: 1, maxItems: 20, title: "Who is told" }),
    subject: Text({ maxLength: 300, title: "Subject (Liquid)", description: "Plain text: {{ school.name }}." }),
    body: Text({ maxLength: 10_000, title: "Body (Liquid)", description: "Plain text, the same merge fields." }),
    delivery: Type.Union([Type.Literal("immediate"), Type.Literal("digest")], {
      title: "Delivery",
      description:
        "immediate: an email as soon as it happens (unless the recipient chose the daily digest); digest: always in the recipient's daily digest.",
    }),
  },
  { title: "Notification" },
);

export type NotificationRule = Static<typeof NotificationRule>;
export type NotificationRecipient = Static<typeof NotificationRecipient>;
