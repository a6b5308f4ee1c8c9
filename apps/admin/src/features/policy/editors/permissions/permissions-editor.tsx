import "./permissions.css";

import { useRef, useState } from "react";

import { replaceGrants, type Grant, type Subject } from "@steward/policy-config";

import type { SectionEditorProps } from "../registry.ts";
import { CellEditor } from "./cell-editor.tsx";
import { ExplainForm } from "./explain-form.tsx";
import { PermissionsMatrix } from "./matrix.tsx";
import { RoleWords } from "./role-words.tsx";
import { isRoleList } from "./roles.ts";

/**
 * The roles section as a permissions matrix (roles down, subjects across), a cell at a time edited with choices a
 * person understands; then each role's rules in sentences, and a question for the very ability the API builds.
 */
export function PermissionsEditor({ value, onChange, readonly }: SectionEditorProps) {
  const [cell, setCell] = useState<{ role: number; subject: Subject }>();
  const returnTo = useRef<HTMLButtonElement | null>(null);
  if (!isRoleList(value))
    return (
      <p className="govuk-body">
        The roles are not in a shape the matrix can show: edit them with every field as a form, and as JSON.
      </p>
    );
  const role = cell ? value[cell.role] : undefined;
  const close = () => {
    setCell(undefined);
    // Back to the cell's own button, so a keyboard user carries on where they were.
    window.setTimeout(() => returnTo.current?.focus(), 0);
  };
  const apply = (grants: Grant[]) => {
    if (!cell || !role) return;
    const rules = replaceGrants(role.rules, cell.subject, grants);
    if (JSON.stringify(rules) !== JSON.stringify(role.rules))
      onChange(value.map((r, i) => (i === cell.role ? { ...r, rules } : r)));
    close();
  };
  if (cell && role) return <CellEditor role={role} subject={cell.subject} onDone={apply} onCancel={close} />;
  return (
    <>
      <PermissionsMatrix
        roles={value}
        readonly={readonly}
        onEdit={(roleIndex, subject, button) => {
          returnTo.current = button;
          setCell({ role: roleIndex, subject });
        }}
      />
      <RoleWords roles={value} />
      <ExplainForm roles={value} />
    </>
  );
}
