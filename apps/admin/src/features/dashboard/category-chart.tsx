import { getTagClassName } from "@steward/ui";

/**
 * A bar chart of schools per category. Each bar carries its label and count as text, so the
 * colour (the policy's tag colour) is never the only way to tell the bars apart. The table
 * beside it holds the same figures for screen readers, so the chart itself is hidden from them.
 */
export function CategoryChart({
  counts,
}: {
  counts: { key: string; label: string; colour?: string | undefined; count: number }[];
}) {
  const max = Math.max(1, ...counts.map((c) => c.count));
  return (
    <figure className="steward-chart" aria-hidden="true">
      {counts.map((c) => (
        <div key={c.key} className="steward-chart__row">
          <span className="steward-chart__label govuk-body-s">{c.label}</span>
          <span className="steward-chart__track">
            <span
              className={`steward-chart__bar ${getTagClassName(c.colour)}`}
              style={{ width: `${Math.max(2, (c.count / max) * 100)}%` }}
            />
            <span className="steward-chart__count govuk-body-s">{c.count}</span>
          </span>
        </div>
      ))}
    </figure>
  );
}
