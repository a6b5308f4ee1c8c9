import {
  describeActions,
  describeConditions,
  grantKind,
  grantsFor,
  SUBJECT_GROUPS,
  subjectLabel,
  type Grant,
  type Role,
  type Subject,
} from "@steward/policy-config";

import { useStudio } from "../../studio-context.ts";

/** A grant in the matrix's words: "read: yes", "read: yes, with conditions (own school only)", "read: never". */
function GrantLine({ grant }: { grant: Grant }) {
  const { doc } = useStudio();
  const kind = grantKind(grant);
  const limits = [
    ...describeConditions(doc, grant.conditions),
    ...(grant.fields ? [`only ${grant.fields.length === 1 ? "1 field" : `${grant.fields.length} fields`}`] : []),
  ];
  return (
    <li>
      {describeActions(grant.actions)}:{" "}
      {kind === "never" ? (
        <strong>never</strong>
      ) : kind === "yes" ? (
        <strong>yes</strong>
      ) : (
        <>
          <strong>yes, with conditions</strong> ({limits.join(", ")})
        </>
      )}
    </li>
  );
}

interface MatrixProps {
  roles: Role[];
  readonly: boolean;
  onEdit: (role: number, subject: Subject, button: HTMLButtonElement) => void;
}

function Cell({
  role,
  index,
  subject,
  readonly,
  onEdit,
}: { role: Role; index: number; subject: Subject } & Omit<MatrixProps, "roles">) {
  const grants = grantsFor(role.rules, subject);
  return (
    <td className="govuk-table__cell govuk-body-s steward-permissions__cell">
      {grants.length ? (
        <ul>
          {grants.map((grant, i) => (
            <GrantLine key={i} grant={grant} />
          ))}
        </ul>
      ) : (
        <p className="govuk-body-s govuk-!-margin-bottom-1">none</p>
      )}
      {!readonly && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
          onClick={(event) => onEdit(index, subject, event.currentTarget)}
        >
          Change
          <span className="govuk-visually-hidden">
            {" "}
            what {role.label} may do to {subjectLabel(subject)}
          </span>
        </button>
      )}
    </td>
  );
}

/** One table per group of subjects: roles down, the group's subjects across, each cell what the role may do. */
export function PermissionsMatrix({ roles, readonly, onEdit }: MatrixProps) {
  return (
    <>
      <h3 className="govuk-heading-m">Who may do what</h3>
      <p className="govuk-body">
        Each cell says what a role may do to a kind of record: yes, yes with conditions, or never (a rule that forbids
        it, which wins over the rules before it).
      </p>
      {SUBJECT_GROUPS.map((group) => (
        <table key={group.label} className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">{group.label}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Role
              </th>
              {group.subjects.map((subject) => (
                <th key={subject} scope="col" className="govuk-table__header">
                  {subjectLabel(subject)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {roles.map((role, index) => (
              <tr key={role.key} className="govuk-table__row">
                <th scope="row" className="govuk-table__header govuk-body-s">
                  {role.label}
                </th>
                {group.subjects.map((subject) => (
                  <Cell key={subject} role={role} index={index} subject={subject} readonly={readonly} onEdit={onEdit} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
