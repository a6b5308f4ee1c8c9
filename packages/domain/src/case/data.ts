/**
 * The authority's own data as the engine reads it: indicator values with the
 * date they are "as at". Where they are stored (and who changed them) is the
 * database's concern; the engine only reads.
 */
import type { IsoDate } from "../calendar/dates.ts";

/** One stored value of one of the policy's indicators (`indicators[].key`). */
export interface IndicatorReading {
  indicator: string;
  /** A number, a boolean, a choice's value, a date (`YYYY-MM-DD`) or text; null when a source said "no value". */
  value: string | number | boolean | null;
  /** The date the value describes (for example the end of the term it measures). */
  asAt: IsoDate;
}
