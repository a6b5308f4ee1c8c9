import type { GridTemplateProps } from "@rjsf/utils";

import { cx } from "../../../govuk/class-names.ts";

/** GOV.UK grid rows and columns for rjsf's layout grid (`ui:field: LayoutGridField`). */
export default function GridTemplate({ children, column, className, width }: GridTemplateProps) {
  const widthClass = typeof width === "string" ? `govuk-grid-column-${width}` : "govuk-grid-column-full";
  return (
    <div className={cx(column ? widthClass : "govuk-grid-row", typeof className === "string" && className)}>
      {children}
    </div>
  );
}
