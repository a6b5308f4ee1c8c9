/** The impact report's part about people: what each role gains or loses, the forms that change, and the drafts in progress they affect. */
import { CsvButton, DataTable, formatDateTime, type Column, type RouterOutputs } from "@steward/ui";

type Impact = RouterOutputs["policy"]["impact"];
type FormChange = Impact["forms"][number];
type Draft = Impact["drafts"][number];

const FORM_COLUMNS: Column<FormChange>[] = [
  { heading: "Form", cell: (f) => f.title, csv: (f) => f.title },
  {
    heading: "What changes",
    cell: (f) => (
      <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
        {f.changes.map((change, i) => (
          <li key={`${i}-${change}`}>{change}</li>
        ))}
      </ul>
    ),
    csv: (f) => f.changes.join("; "),
  },
  { heading: "Drafts in progress", cell: (f) => f.drafts, csv: (f) => f.drafts, numeric: true },
];

const DRAFT_COLUMNS: Column<Draft>[] = [
  { heading: "School", cell: (d) => d.school, csv: (d) => d.school },
  { heading: "Form", cell: (d) => d.formTitle, csv: (d) => d.formTitle },
  { heading: "Last saved", cell: (d) => formatDateTime(d.lastSaved), csv: (d) => d.lastSaved },
  { heading: "Changes to its form", cell: (d) => d.changes, csv: (d) => d.changes, numeric: true },
];

/** Each role's gains and losses, a list per role. */
function RoleChanges({ permissions }: { permissions: Impact["permissions"] }) {
  const roles = [...new Set(permissions.map((p) => p.roleLabel))];
  return (
    <section aria-labelledby="impact-roles-heading" data-testid="impact-roles">
      <h3 className="govuk-heading-s" id="impact-roles-heading">
        What roles gain or lose
      </h3>
      {roles.length === 0 && <p className="govuk-body">No role gains or loses anything.</p>}
      {roles.map((role) => (
        <ul key={role} className="govuk-list govuk-list--bullet">
          {permissions
            .filter((p) => p.roleLabel === role)
            .map((p) => (
              <li key={p.sentence}>{p.sentence}</li>
            ))}
        </ul>
      ))}
    </section>
  );
}

/** What publishing changes for people: their permissions, the forms they fill in, the drafts they have started. */
export function PeopleImpact({ impact }: { impact: Impact }) {
  return (
    <>
      <RoleChanges permissions={impact.permissions} />
      <DataTable
        caption="Forms that change"
        captionSize="s"
        columns={FORM_COLUMNS}
        rows={impact.forms}
        rowKey={(f) => f.form}
        empty="No form changes."
      />
      <DataTable
        caption="Drafts in progress that a form change affects"
        captionSize="s"
        columns={DRAFT_COLUMNS}
        rows={impact.drafts}
        rowKey={(d) => d.id}
        empty="No draft in progress is affected."
      />
      {impact.drafts.length > 0 && (
        <CsvButton filename="affected-drafts.csv" columns={DRAFT_COLUMNS} rows={impact.drafts} />
      )}
    </>
  );
}
