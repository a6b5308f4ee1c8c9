import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import {
  DataTable,
  ErrorSummary,
  fieldError,
  formatDate,
  formatDateTime,
  readProblems,
  SubmitButton,
  SuccessBanner,
  SummaryList,
  TextInput,
  useTRPC,
  type Column,
  type Problem,
  type RouterOutputs,
} from "@steward/ui";

type School = RouterOutputs["schools"]["get"];

/** What GIAS says of the school beyond the register: its people, address, religious character, trust and SEN provision. */
export function SchoolAttributes({ school }: { school: School }) {
  const a = school.attributes;
  const sen = a.senProvision;
  const rows = [
    a.headteacher !== undefined && {
      key: "Headteacher (GIAS)",
      value: a.headteacherJobTitle ? `${a.headteacher}, ${a.headteacherJobTitle}` : a.headteacher,
    },
    a.address !== undefined && { key: "Address", value: a.address.join(", ") },
    a.religiousCharacter !== undefined && { key: "Religious character", value: a.religiousCharacter },
    a.diocese !== undefined && { key: "Diocese", value: a.diocese },
    a.trust !== undefined && { key: "Trust (GIAS)", value: a.trust },
    sen !== undefined && {
      key: "SEN provision",
      value: [
        sen.needs.join("; "),
        sen.resourcedProvision,
        sen.resourcedProvisionCapacity !== undefined ? `capacity ${sen.resourcedProvisionCapacity}` : undefined,
        sen.resourcedProvisionOnRoll !== undefined ? `${sen.resourcedProvisionOnRoll} on roll` : undefined,
      ]
        .filter(Boolean)
        .join(", "),
    },
    a.pupilsOnRoll !== undefined && { key: "Pupils on roll", value: String(a.pupilsOnRoll) },
    a.schoolCapacity !== undefined && { key: "Capacity", value: String(a.schoolCapacity) },
    a.website !== undefined && { key: "Website", value: a.website },
  ];
  if (!rows.some(Boolean)) return null;
  return (
    <section aria-labelledby="attributes-heading">
      <h2 className="govuk-heading-m" id="attributes-heading">
        From GIAS
      </h2>
      <SummaryList rows={rows} />
    </section>
  );
}

/** The school's contacts (GIAS has no chair of governors), which letters merge in; LA staff who may update the school change them. */
export function SchoolContacts({ school, canChange }: { school: School; canChange: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    chairOfGovernors: school.contacts.chairOfGovernors ?? "",
    headteacher: school.contacts.headteacher ?? "",
  });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.schools.setContacts.mutationOptions({
      onSuccess: () => {
        setProblems([]);
        setSaved(true);
        void queryClient.invalidateQueries({ queryKey: trpc.schools.get.queryKey({ urn: school.urn }) });
      },
      onError: (e) => (setSaved(false), setProblems(readProblems(e))),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ urn: school.urn, ...form });
  };
  const c = school.contacts;
  return (
    <section aria-labelledby="contacts-heading">
      <h2 className="govuk-heading-m" id="contacts-heading">
        Contacts
      </h2>
      <SummaryList
        rows={[
          { key: "Chair of governors", value: c.chairOfGovernors ?? "Not recorded" },
          { key: "Headteacher", value: c.headteacher ?? school.attributes.headteacher ?? "Not recorded" },
          c.updatedAt !== null && {
            key: "Last changed",
            value: `${formatDateTime(c.updatedAt)} by ${c.updatedBy ?? ""}`,
          },
        ]}
      />
      {canChange && (
        <form noValidate onSubmit={submit}>
          {saved && (
            <SuccessBanner>
              <p className="govuk-notification-banner__heading">The contacts were saved.</p>
            </SuccessBanner>
          )}
          <ErrorSummary problems={problems} />
          <TextInput
            id="chairOfGovernors"
            label="Chair of governors"
            value={form.chairOfGovernors}
            onChange={(chairOfGovernors) => setForm({ ...form, chairOfGovernors })}
            error={fieldError(problems, "chairOfGovernors")}
            width="20"
          />
          <TextInput
            id="headteacher"
            label="Headteacher"
            hint="Only when GIAS does not show the right name yet. Leave blank to use GIAS's."
            value={form.headteacher}
            onChange={(headteacher) => setForm({ ...form, headteacher })}
            error={fieldError(problems, "headteacher")}
            width="20"
          />
          <SubmitButton pending={save.isPending}>Save the contacts</SubmitButton>
        </form>
      )}
    </section>
  );
}

const LINK_COLUMNS: Column<School["links"][number]>[] = [
  { heading: "School", cell: (l) => l.name },
  { heading: "URN", cell: (l) => l.urn },
  { heading: "Link", cell: (l) => l.type },
  { heading: "Since", cell: (l) => formatDate(l.established) },
];

/** The school's predecessors and successors in GIAS (an academy conversion gives a new URN). */
export function SchoolLinks({ school }: { school: School }) {
  if (school.links.length === 0) return null;
  return (
    <DataTable
      caption="Linked establishments"
      columns={LINK_COLUMNS}
      rows={school.links}
      rowKey={(l) => `${l.urn}-${l.type}`}
    />
  );
}
