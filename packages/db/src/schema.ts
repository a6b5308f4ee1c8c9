import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable, Updateable } from "kysely";

/** A timestamp: read as a Date, written as a Date or an ISO string; defaults where marked. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A calendar date, read and written as `YYYY-MM-DD` (never shifted by a time zone). */
type CalendarDate = ColumnType<string, string, string>;
/** JSON is read parsed and written as a JSON string (`JSON.stringify`), the same on both drivers. */
type Json<T extends object | null = Record<string, unknown>> = JSONColumnType<T>;
type DefaultJson<T = unknown> = ColumnType<T, string | undefined, string>;

export interface TenantTable {
  id: Generated<string>;
  slug: string;
  name: string;
  la_code: string | null;
  created_at: DefaultTimestamp;
}

export interface UserTable {
  tenant_id: string;
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  status: ColumnType<"active" | "invited" | "disabled", "active" | "invited" | "disabled" | undefined>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  /** The roles the user holds: LA roles, or school roles bound to one school. Read as stored JSON; `User` has it checked (`parseRoleGrants`). */
  grants: DefaultJson<unknown>;
  failed_sign_ins: ColumnType<number, number | undefined, number>;
  locked_until: Timestamp | null;
  last_sign_in_at: Timestamp | null;
  invite_token_hash: string | null;
  invite_expires_at: Timestamp | null;
  /** immediate: each notification as it happens; digest: one email a day listing them. */
  notification_delivery: ColumnType<NotificationDelivery, NotificationDelivery | undefined, NotificationDelivery>;
}

export type NotificationDelivery = "immediate" | "digest";
export type NotificationStatus = "queued" | "sending" | "sent" | "failed" | "held" | "digested";

/** A notification email (see the notification_messages migration). */
export interface NotificationMessageTable {
  tenant_id: string;
  id: string;
  recipient_id: string;
  recipient_email: string;
  subject: string;
  body: string;
  rule_key: string | null;
  case_id: string | null;
  event_seq: number | null;
  /** One per rule, event and recipient (unique per tenant): a message is never made twice. */
  dedupe_key: string;
  delivery: NotificationDelivery;
  status: ColumnType<NotificationStatus, NotificationStatus | undefined, NotificationStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  sent_at: Timestamp | null;
  provider_id: string | null;
  digest_id: string | null;
  created_at: DefaultTimestamp;
}

/** A role held by a user, as stored: `schoolUrn` only for a school role. */
export interface RoleGrantRow {
  role: string;
  schoolUrn?: number;
}

export interface SessionTable {
  tenant_id: string;
  /** The SHA-256 of the session token: the token itself is only ever in the cookie. */
  id: string;
  user_id: string;
  auth_method: ColumnType<string, string | undefined, string>;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  idle_expires_at: Timestamp;
  expires_at: Timestamp;
  user_agent: string | null;
  csrf_token: string;
}

export type PolicyStatus = "draft" | "published" | "retired";

export interface PolicyVersionTable {
  tenant_id: string;
  id: Generated<string>;
  version: number;
  status: ColumnType<PolicyStatus, PolicyStatus | undefined, PolicyStatus>;
  format_version: number;
  label: string | null;
  document: Json;
  /** Bumped on every edit of a draft, for optimistic concurrency. */
  revision: ColumnType<number, number | undefined, number>;
  based_on_id: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  published_at: Timestamp | null;
  published_by: string | null;
  retired_at: Timestamp | null;
  /** A draft's problems as found when it was saved (a JSON array), for `validated_revision`. */
  problems: ColumnType<unknown[] | null, string | null | undefined, string | null>;
  validated_revision: ColumnType<number | null, number | null | undefined, number | null>;
  /** How a published version's move mapped categories and stages (JSON), for cases moved after the publish. */
  move_mapping: ColumnType<unknown, string | null | undefined, string | null>;
}

export type Governance = "maintained" | "academy" | "free-school" | "other";

export interface SchoolTable {
  tenant_id: string;
  urn: number;
  name: string;
  la_code: string | null;
  laestab: string | null;
  phase: string | null;
  type_of_establishment: string | null;
  governance: ColumnType<Governance, Governance | undefined, Governance>;
  trust: string | null;
  status: ColumnType<"open" | "closed" | "proposed", "open" | "closed" | "proposed" | undefined>;
  opened_on: CalendarDate | null;
  closed_on: CalendarDate | null;
  postcode: string | null;
  district: string | null;
  data: DefaultJson<Record<string, unknown>>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface CaseTable {
  tenant_id: string;
  id: Generated<string>;
  school_urn: number;
  policy_version_id: string;
  status: ColumnType<"open" | "closed", "open" | "closed" | undefined>;
  category: string | null;
  stage: string | null;
  assigned_officer_id: string | null;
  state: DefaultJson<Record<string, unknown>>;
  last_seq: ColumnType<number, number | undefined, number>;
  opened_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  /** When the next planned visit is due by (overdue when past). */
  next_visit_due: CalendarDate | null;
  /** Letters drafted, approved or issued and not yet closed. */
  open_letters: ColumnType<number, number | undefined, number>;
  /** Letters issued that the school must acknowledge and has not yet. */
  letters_awaiting_acknowledgement: ColumnType<number, number | undefined, number>;
  /** The earliest response or compliance deadline of an issued letter. */
  letter_deadline: CalendarDate | null;
  review_date: CalendarDate | null;
}

export type FormResponseStatus = "draft" | "submitted";

export interface FormResponseTable {
  tenant_id: string;
  id: Generated<string>;
  form_key: string;
  school_urn: number;
  case_id: string | null;
  policy_version_id: string;
  status: ColumnType<FormResponseStatus, FormResponseStatus | undefined, FormResponseStatus>;
  data: DefaultJson<Record<string, unknown>>;
  /** The page of a multi-page form the user was on when they saved. */
  page: ColumnType<number, number | undefined, number>;
  revision: ColumnType<number, number | undefined, number>;
  created_by: string;
  updated_by: string;
  submitted_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  submitted_at: Timestamp | null;
}

/** Append-only: the database refuses UPDATE, DELETE and TRUNCATE. */
export interface CaseEventTable {
  tenant_id: string;
  case_id: string;
  seq: number;
  type: string;
  payload: DefaultJson<Record<string, unknown>>;
  actor_id: string | null;
  policy_version_id: string | null;
  occurred_at: Timestamp;
  recorded_at: DefaultTimestamp;
}

/** Append-only: the database refuses UPDATE, DELETE and TRUNCATE. */
export interface AuditLogTable {
  tenant_id: string;
  id: ColumnType<number, never, never>;
  at: DefaultTimestamp;
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  detail: DefaultJson<Record<string, unknown>>;
}

/** A register entry: the projection of the case events that log and close it (see the register_entries migration). */
export interface RegisterEntryTable {
  tenant_id: string;
  id: string;
  case_id: string;
  school_urn: number;
  register: string;
  /** The date the thing happened (may be before it was logged). */
  occurred_on: CalendarDate;
  logged_at: Timestamp;
  logged_by: string;
  status: ColumnType<"open" | "closed", "open" | "closed" | undefined, "open" | "closed">;
  fields: DefaultJson<Record<string, unknown>>;
  closed_at: Timestamp | null;
  closed_by: string | null;
  close_note: string | null;
}

/** One assignee's share of a piece of open work on a case: the projection of the case's work items (see the tasks migration). */
export interface TaskTable {
  tenant_id: string;
  case_id: string;
  /** The work item's key, stable while the work is open. */
  item_key: string;
  /** `user:<id>` or `role:<key>` (a school role counts at the row's school only). */
  assignee: string;
  school_urn: number;
  kind: string;
  label: string;
  audience: "la" | "school";
  due: CalendarDate | null;
  /** The record on the case where the work is done, and its id. */
  record_kind: string;
  record_id: string | null;
}

/** Failed sign-ins per (lower-cased email, address), whether or not the email has an account. */
export interface SignInThrottleTable {
  tenant_id: string;
  email: string;
  address: string;
  failures: number;
  window_started_at: Timestamp;
  blocked_until: Timestamp | null;
}

/** Attempts at the unauthenticated doors per client address, in the current window (all authorities). */
export interface AddressAttemptsTable {
  address: string;
  attempts: number;
  window_started_at: Timestamp;
}

export type IndicatorSourceKind = "import" | "entry" | "form";

/** One value of one of the policy's indicators for a school. Append-only: the database refuses UPDATE, DELETE and TRUNCATE. */
export interface IndicatorValueTable {
  tenant_id: string;
  id: Generated<string>;
  school_urn: number;
  indicator: string;
  /** The value as JSON (a number, boolean, choice value, ISO date or text); read as stored, checked by the API. */
  value: DefaultJson<unknown>;
  as_at: CalendarDate;
  source_kind: IndicatorSourceKind;
  import_run_id: string | null;
  form_response_id: string | null;
  recorded_by: string | null;
  recorded_at: DefaultTimestamp;
  note: string | null;
}

/** A saved, named way of reading a file of indicator values (so next term's file imports in one step). */
export interface ImportMappingTable {
  tenant_id: string;
  id: Generated<string>;
  /** Unique per tenant, whatever its case. */
  name: string;
  key_column: string;
  key_kind: "urn" | "laestab";
  /** Either a fixed as-at date or the column holding it. */
  as_at_date: CalendarDate | null;
  as_at_column: string | null;
  /** `[{ column, equals }]`, as stored JSON. */
  row_filters: DefaultJson<unknown>;
  /** `[{ column, indicator }]`, as stored JSON. */
  columns: DefaultJson<unknown>;
  created_by: string;
  created_at: DefaultTimestamp;
  updated_by: string;
  updated_at: DefaultTimestamp;
}

export type ImportRunStatus = "applied" | "undone";

/** One applied import: the mapping as it was, the file's name and SHA-256, and the report. Only undoing it may change it (a trigger). */
export interface ImportRunTable {
  tenant_id: string;
  id: Generated<string>;
  mapping: DefaultJson<unknown>;
  file_name: string;
  sha256: string;
  status: ColumnType<ImportRunStatus, ImportRunStatus | undefined, ImportRunStatus>;
  report: DefaultJson<unknown>;
  created_by: string;
  created_at: DefaultTimestamp;
  undone_by: string | null;
  undone_at: Timestamp | null;
}

export type ClockRunStatus = "running" | "finished";

/** One day of the daily clock for one authority (see the migration `clock_runs`). */
export interface ClockRunTable {
  tenant_id: string;
  day: CalendarDate;
  status: ColumnType<ClockRunStatus, ClockRunStatus | undefined, ClockRunStatus>;
  started_at: DefaultTimestamp;
  finished_at: Timestamp | null;
  attempts: ColumnType<number, number | undefined, number>;
  cases_checked: ColumnType<number, number | undefined, number>;
  moves: ColumnType<number, number | undefined, number>;
  failures: ColumnType<number, number | undefined, number>;
  last_case_id: string | null;
  error: string | null;
}

/** An authority's sign-in settings (no row: passwords on, no identity provider). */
export interface SignInSettingsTable {
  tenant_id: string;
  passwords_enabled: boolean;
  /** The OpenID Connect providers, as stored JSON; the api checks their shape (`readSignInSettings`). */
  oidc_providers: DefaultJson<unknown>;
  updated_at: DefaultTimestamp;
}

/** A started OpenID Connect sign-in, until the provider sends the browser back (or it expires). */
export interface OidcSignInStateTable {
  tenant_id: string;
  /** The SHA-256 of the `state` sent to the provider. */
  state_hash: string;
  /** The SHA-256 of the random value in the browser's cookie: the state is good only in the browser that started. */
  browser_hash: string;
  provider_key: string;
  app: "admin" | "portal";
  code_verifier: string;
  nonce: string;
  redirect_uri: string;
  return_to: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** A user's identity at a provider (its `sub`), for providers that match users by subject. */
export interface OidcIdentityTable {
  tenant_id: string;
  provider_key: string;
  subject: string;
  user_id: string;
  created_at: DefaultTimestamp;
}

export interface Database {
  tenants: TenantTable;
  users: UserTable;
  sessions: SessionTable;
  policy_versions: PolicyVersionTable;
  schools: SchoolTable;
  cases: CaseTable;
  case_events: CaseEventTable;
  audit_log: AuditLogTable;
  form_responses: FormResponseTable;
  sign_in_throttle: SignInThrottleTable;
  address_attempts: AddressAttemptsTable;
  register_entries: RegisterEntryTable;
  tasks: TaskTable;
  indicator_values: IndicatorValueTable;
  import_mappings: ImportMappingTable;
  import_runs: ImportRunTable;
  notification_messages: NotificationMessageTable;
  clock_runs: ClockRunTable;
  sign_in_settings: SignInSettingsTable;
  oidc_sign_in_states: OidcSignInStateTable;
  oidc_identities: OidcIdentityTable;
}

export type Tenant = Selectable<TenantTable>;
export type NewTenant = Insertable<TenantTable>;
/** A users row as the database returns it: `grants` is JSON not yet checked. */
export type UserRow = Selectable<UserTable>;
/** A user as the queries return one: `grants` checked to be a list of role grants. */
export type User = Omit<UserRow, "grants"> & { grants: RoleGrantRow[] };
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Session = Selectable<SessionTable>;
export type PolicyVersionRow = Selectable<PolicyVersionTable>;
export type School = Selectable<SchoolTable>;
export type NewSchool = Insertable<SchoolTable>;
export type CaseRow = Selectable<CaseTable>;
export type CaseEventRow = Selectable<CaseEventTable>;
export type NewCaseEvent = Insertable<CaseEventTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
export type FormResponseRow = Selectable<FormResponseTable>;
export type RegisterEntryRow = Selectable<RegisterEntryTable>;
export type IndicatorValueRow = Selectable<IndicatorValueTable>;
export type ImportMappingRow = Selectable<ImportMappingTable>;
export type ImportRunRow = Selectable<ImportRunTable>;
export type NotificationMessageRow = Selectable<NotificationMessageTable>;
export type ClockRunRow = Selectable<ClockRunTable>;
export type SignInSettingsRow = Selectable<SignInSettingsTable>;
export type OidcSignInStateRow = Selectable<OidcSignInStateTable>;
