import { answerText, DataTable, formatDate, Tag, type Column } from "@steward/ui";

import type { CaseView } from "../school-case.ts";

type Register = CaseView["registers"][number];
type Entry = Register["entries"][number];

function columns(register: Register): Column<Entry>[] {
  return [
    { heading: register.occurredOnLabel, cell: (e) => formatDate(e.occurredOn) },
    ...register.fields.map((f) => ({
      heading: f.title,
      cell: (e: Entry) => <span className="steward-pre-wrap">{answerText(e.fields[f.key])}</span>,
    })),
    {
      heading: "Status",
      cell: (e) =>
        e.status === "open" ? (
          <Tag colour="blue">Open</Tag>
        ) : (
          <>
            <Tag colour="grey">Closed</Tag>
            {e.closeNote && <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{e.closeNote}</p>}
          </>
        ),
    },
  ];
}

/**
 * The registers the policy shows to schools and the school's roles may read, with the school's own entries:
 * read-only (the API sends nothing else, and no register the school may not see).
 */
export function RegistersSection({ registers }: { registers: CaseView["registers"] }) {
  if (registers.length === 0) return null;
  return (
    <section aria-labelledby="registers-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="registers-heading">
        Registers
      </h2>
      {registers.map((register) => (
        <div key={register.key} className="steward-table-scroll">
          {register.description && <p className="govuk-body">{register.description}</p>}
          <DataTable
            caption={register.label}
            captionSize="s"
            columns={columns(register)}
            rows={register.entries}
            rowKey={(e) => e.id}
            empty={`No ${register.entryLabel} entries about your school.`}
          />
        </div>
      ))}
    </section>
  );
}
