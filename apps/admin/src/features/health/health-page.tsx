import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../trpc.ts";

/** The first page: whether Steward and its database are up. */
export function HealthPage() {
  const trpc = useTRPC();
  const health = useQuery(trpc.health.queryOptions());

  if (health.isPending) {
    return <p className="govuk-body" role="status">Checking Steward’s status…</p>;
  }
  if (health.isError) {
    return (
      <div className="govuk-error-summary" data-module="govuk-error-summary">
        <div role="alert">
          <h2 className="govuk-error-summary__title">There is a problem</h2>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">Steward’s server did not answer: {health.error.message}</p>
          </div>
        </div>
      </div>
    );
  }
  const { database, version } = health.data;
  const rows: [string, string][] = [
    ["Status", "Running"],
    ["Version", version],
    ["Database", database.kind === "embedded" ? "embedded (PGlite)" : "PostgreSQL server"],
    ["Migration level", database.migration.current ?? "none applied"],
    ["Migrations pending", String(database.migration.pending)],
  ];
  return (
    <>
      <h1 className="govuk-heading-xl">Service status</h1>
      <dl className="govuk-summary-list" data-testid="health">
        {rows.map(([key, value]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
