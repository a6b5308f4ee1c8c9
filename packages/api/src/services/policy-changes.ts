import { listDraftsInProgress, type DraftInProgress, type TenantTransaction } from "@steward/db";
import { diffForms, diffPermissions, type FormChange } from "@steward/policy-config";

import { loadPolicyVersion, loadPublishedPolicy, type LoadedPolicy } from "./policies.ts";

/** A draft's form title: in the new version, else in the version it was started under, else its key. */
function formTitle(key: string, ...docs: (LoadedPolicy | undefined)[]): string {
  for (const doc of docs) {
    const form = doc?.document.forms.find((f) => f.key === key);
    if (form) return form.title;
  }
  return key;
}

/** Each draft whose form changes from the version it was started under to `next`, with how many changes. */
async function findAffectedDrafts(trx: TenantTransaction, tenantId: string, next: LoadedPolicy) {
  const drafts = await listDraftsInProgress(trx);
  // Compared once per version the drafts were started under (a handful), not once per draft.
  const changesByVersion = new Map<string, { own: LoadedPolicy | undefined; changes: FormChange[] }>();
  const affected: { draft: DraftInProgress; own: LoadedPolicy | undefined; changes: number }[] = [];
  for (const draft of drafts) {
    let compared = changesByVersion.get(draft.policy_version_id);
    if (!compared) {
      const own = await loadPolicyVersion(trx, tenantId, draft.policy_version_id);
      compared = { own, changes: own ? diffForms(own.document, next.document) : [] };
      changesByVersion.set(draft.policy_version_id, compared);
    }
    const changes = compared.changes.filter((c) => c.form === draft.form_key).length;
    if (changes > 0) affected.push({ draft, own: compared.own, changes });
  }
  return affected.map(({ draft, own, changes }) => ({
    id: draft.id,
    urn: draft.school_urn,
    school: draft.school_name ?? `URN ${draft.school_urn}`,
    form: draft.form_key,
    formTitle: formTitle(draft.form_key, next, own),
    lastSaved: draft.updated_at.toISOString(),
    changes,
  }));
}

/**
 * What publishing `next` changes for people, beside the cases: what each role
 * may now or no longer do and each form's question changes (both against the
 * version in force), and every draft in progress whose form changes under it
 * (against the version it was started under). A draft is named by its school,
 * form and last save only: never its answers.
 */
export async function getPeopleImpact(trx: TenantTransaction, tenantId: string, next: LoadedPolicy) {
  const published = await loadPublishedPolicy(trx);
  const before = published?.id === next.id ? undefined : published;
  const drafts = await findAffectedDrafts(trx, tenantId, next);
  const formChanges = before ? diffForms(before.document, next.document) : [];
  const forms = [...new Set(formChanges.map((c) => c.form))].map((form) => {
    const changes = formChanges.filter((c) => c.form === form);
    return {
      form,
      title: changes[0]?.formTitle ?? form,
      changes: changes.map((c) => c.what),
      drafts: drafts.filter((d) => d.form === form).length,
    };
  });
  const permissions = before
    ? diffPermissions(before.document, next.document).map(({ role, roleLabel, change, sentence }) => ({
        role,
        roleLabel,
        change,
        sentence,
      }))
    : [];
  return { permissions, forms, drafts };
}
