import { useQuery } from "@tanstack/react-query";

import { DataTable, formatDate, useTRPC, type Column, type RouterOutputs } from "@steward/ui";

type Indicator = RouterOutputs["indicators"]["forSchool"][number];

const COLUMNS: Column<Indicator>[] = [
  { heading: "Indicator", cell: (i) => i.label },
  { heading: "Latest value", cell: (i) => i.latest?.display ?? "No value yet" },
  { heading: "As at", cell: (i) => formatDate(i.latest?.asAt) },
];

/** The indicators the authority's policy lets schools see, with their latest values (the API sends no others). */
export function SchoolIndicators({ urn }: { urn: number }) {
  const trpc = useTRPC();
  const indicators = useQuery(trpc.indicators.forSchool.queryOptions({ urn }));
  if (!indicators.data || indicators.data.length === 0) return null;
  return (
    <DataTable
      caption="What the local authority holds about your school"
      columns={COLUMNS}
      rows={indicators.data}
      rowKey={(i) => i.key}
    />
  );
}
