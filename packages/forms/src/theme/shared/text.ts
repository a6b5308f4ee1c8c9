/**
 * Wording helpers shared by templates, error messages and the summary view.
 * GOV.UK style: sentence case, no full stops in labels, dates written out.
 */

/** Lower-cases the first letter unless the first word is an acronym ("LA code" stays "LA code"). */
export function lowerFirst(text: string): string {
  if (text.length < 2) return text.toLowerCase();
  const [first, second] = [text.charAt(0), text.charAt(1)];
  if (second === second.toUpperCase() && second !== second.toLowerCase()) return text;
  return first.toLowerCase() + text.slice(1);
}

/** Upper-cases the first letter. */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A best-effort singular for an array title ("Priorities" -> "Priority", "Targets" -> "Target"). */
export function getSingular(text: string): string | undefined {
  const trimmed = text.trim();
  if (/ies$/i.test(trimmed)) return trimmed.slice(0, -3) + "y";
  if (/(ss|us|is)$/i.test(trimmed)) return undefined;
  if (/s$/i.test(trimmed)) return trimmed.slice(0, -1);
  return undefined;
}

const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Formats an ISO date (`2021-09-05`) the GOV.UK way: "5 September 2021". Anything else is returned unchanged. */
export function formatDate(value: string): string {
  const match = ISO_DATE.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return value;
  return DATE_FORMAT.format(date);
}

const DATE_TIME_FORMAT = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  hour12: true,
  timeZone: "Europe/London",
});

/** Formats an ISO date and time the GOV.UK way, in UK time: "16 December 2026 at 10:00am". Anything else is returned unchanged. */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(date.getTime())) return value;
  const parts = Object.fromEntries(DATE_TIME_FORMAT.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}${(parts.dayPeriod ?? "").toLowerCase().replace(/\s/g, "")}`;
}

/** Reads a file name from an rjsf data URL (`data:text/plain;name=notes.txt;base64,...`). */
export function getDataUrlFileName(dataUrl: string): string | undefined {
  const match = /;name=([^;,]+)/.exec(dataUrl);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}
