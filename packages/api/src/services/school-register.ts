import { parse } from "csv-parse/sync";

import type { Governance, SchoolValues } from "@steward/db";

import type { SchoolAttributes } from "./school-data.ts";

/** One row of a register file that was not imported, and why. */
export interface Rejection {
  /** The line in the file (the header is line 1). */
  line: number;
  urn: string | undefined;
  reason: string;
}

const MAX_ROWS = 100_000;

/** A CSV file's rows as objects keyed by header name (BOM, quotes and CRLF handled by csv-parse). */
function readCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new RegisterFileError(`The file is not a readable CSV: ${(error as Error).message}`);
  }
  const [header, ...body] = records;
  if (!header) throw new RegisterFileError("The file is empty.");
  if (body.length > MAX_ROWS)
    throw new RegisterFileError(`The file has ${body.length} rows: import at most ${MAX_ROWS} at a time.`);
  return { header, rows: body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""]))) };
}

export class RegisterFileError extends Error {}

/** The first non-empty value among several header names (GIAS layouts differ between years). */
const pick = (row: Record<string, string>, ...names: string[]) => {
  for (const name of names) {
    const value = row[name]?.trim();
    if (value) return value;
  }
  return undefined;
};

/** dd-mm-yyyy or dd/mm/yyyy (GIAS) or yyyy-mm-dd, as an ISO date. */
function parseRegisterDate(value: string | undefined): string | null {
  if (!value) return null;
  const uk = /^(?<day>\d{1,2})[-/](?<month>\d{1,2})[-/](?<year>\d{4})$/.exec(value)?.groups;
  const iso = uk
    ? `${uk.year}-${uk.month?.padStart(2, "0")}-${uk.day?.padStart(2, "0")}`
    : /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? value
      : /^\d{8}$/.test(value)
        ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}`
        : null;
  if (!iso) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

/**
 * How a school is governed, from GIAS's establishment type group and type, or
 * the census's academy flag. Independent schools are outside an authority's
 * school-improvement remit: undefined.
 */
function getGovernance(group: string | undefined, type: string | undefined): Governance | undefined {
  const text = `${group ?? ""} | ${type ?? ""}`.toLowerCase();
  if (/independent|non-maintained/.test(text)) return undefined;
  if (/free school/.test(text)) return "free-school";
  if (/academ/.test(text)) return "academy";
  if (/maintained|community|foundation|voluntary|nursery school|pupil referral|special school/.test(text))
    return "maintained";
  return "other";
}

/** GIAS phases (and the census's groupings) in the words policies use for applicability. */
function getPhase(value: string | undefined): string | null {
  const text = (value ?? "").toLowerCase();
  if (!text || text === "not applicable") return null;
  if (/nursery/.test(text)) return "nursery";
  if (/middle deemed primary|primary/.test(text)) return "primary";
  if (/middle deemed secondary|secondary/.test(text)) return "secondary";
  if (/all-through|all through/.test(text)) return "all-through";
  if (/16 plus|16-19/.test(text)) return "16-plus";
  if (/special/.test(text)) return "special";
  if (/alternative|pupil referral/.test(text)) return "alternative-provision";
  return text.replace(/[^a-z0-9]+/g, "-");
}

const OFSTED: Record<string, string> = {
  outstanding: "outstanding",
  good: "good",
  "requires improvement": "requires-improvement",
  inadequate: "inadequate",
  satisfactory: "satisfactory",
  "serious weaknesses": "inadequate",
  "special measures": "inadequate",
};

/** GIAS's words for "nothing here". */
const NOT_A_VALUE = /^(not applicable|does not apply|none|not recorded|unknown)$/i;

/** A GIAS text value, leaving out its "not applicable" words. */
const pickText = (row: Record<string, string>, ...names: string[]) => {
  const value = pick(row, ...names);
  return value && !NOT_A_VALUE.test(value) ? value : undefined;
};

const pickNumber = (row: Record<string, string>, name: string) => {
  const value = pick(row, name);
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
};

/**
 * What GIAS says about a school that a policy or a letter may want, kept as
 * the school's attributes: the headteacher's name, the address, diocese,
 * religious character, trust, SEN provision, pupils on roll and website.
 */
function getGiasAttributes(row: Record<string, string>): SchoolAttributes {
  const attributes: SchoolAttributes = {};
  const set = <K extends keyof SchoolAttributes>(key: K, value: SchoolAttributes[K] | undefined) => {
    if (value !== undefined) attributes[key] = value;
  };
  const lastName = pickText(row, "HeadLastName");
  const head = [pickText(row, "HeadTitle (name)"), pickText(row, "HeadFirstName"), lastName].filter(Boolean);
  set("headteacher", lastName ? head.join(" ") : undefined);
  set("headteacherJobTitle", pickText(row, "HeadPreferredJobTitle"));
  const address = ["Street", "Locality", "Address3", "Town", "County (name)", "Postcode"].flatMap(
    (name) => pickText(row, name) ?? [],
  );
  set("address", address.length ? address : undefined);
  set("diocese", pickText(row, "Diocese (name)"));
  set("religiousCharacter", pickText(row, "ReligiousCharacter (name)"));
  set("religiousEthos", pickText(row, "ReligiousEthos (name)"));
  set("trust", pickText(row, "Trusts (name)"));
  const needs = Array.from({ length: 13 }, (_, i) => pickText(row, `SEN${i + 1} (name)`) ?? []).flat();
  const resourced = pickText(row, "TypeOfResourcedProvision (name)");
  const capacity = pickNumber(row, "ResourcedProvisionCapacity");
  const onRoll = pickNumber(row, "ResourcedProvisionOnRoll");
  if (needs.length || resourced)
    set("senProvision", {
      needs,
      ...(resourced ? { resourcedProvision: resourced } : {}),
      ...(capacity !== undefined ? { resourcedProvisionCapacity: capacity } : {}),
      ...(onRoll !== undefined ? { resourcedProvisionOnRoll: onRoll } : {}),
    });
  set("pupilsOnRoll", pickNumber(row, "NumberOfPupils"));
  set("schoolCapacity", pickNumber(row, "SchoolCapacity"));
  set("website", pickText(row, "SchoolWebsite"));
  return attributes;
}

export interface RegisterRead {
  schools: SchoolValues[];
  rejected: Rejection[];
  /** Independent and other out-of-remit schools, by line: left out, not errors. */
  skipped: Rejection[];
}

/**
 * Reads a GIAS "all establishment data" download (any year's layout: columns
 * are found by header name, unknown ones ignored), keeping the schools of one
 * LA when `laCode` is given. Each row that cannot be read is rejected with its
 * line and reason.
 */
export function readGiasFile(text: string, options: { laCode?: string | null } = {}): RegisterRead {
  const { header, rows } = readCsv(text);
  for (const required of ["URN", "EstablishmentName"]) {
    if (!header.includes(required))
      throw new RegisterFileError(
        `The file has no "${required}" column: is it a GIAS "all establishment data" download?`,
      );
  }
  const out: RegisterRead = { schools: [], rejected: [], skipped: [] };
  rows.forEach((row, i) => {
    const line = i + 2;
    const urnText = pick(row, "URN");
    const urn = Number(urnText);
    if (!urnText || !Number.isInteger(urn) || urn <= 0)
      return out.rejected.push({ line, urn: urnText, reason: "The URN is missing or not a whole number." });
    const name = pick(row, "EstablishmentName");
    if (!name) return out.rejected.push({ line, urn: urnText, reason: "The school has no name." });
    const laCode = pick(row, "LA (code)") ?? null;
    if (options.laCode && laCode && laCode !== options.laCode)
      return out.skipped.push({ line, urn: urnText, reason: `It is in LA ${laCode}, not ${options.laCode}.` });
    const type = pick(row, "TypeOfEstablishment (name)");
    const governance = getGovernance(pick(row, "EstablishmentTypeGroup (name)"), type);
    if (!governance)
      return out.skipped.push({
        line,
        urn: urnText,
        reason: "Independent schools are outside the authority's school-improvement remit.",
      });
    const statusText = (pick(row, "EstablishmentStatus (name)") ?? "Open").toLowerCase();
    const status = statusText.startsWith("closed")
      ? "closed"
      : statusText.startsWith("proposed to open")
        ? "proposed"
        : "open";
    const openedOn = parseRegisterDate(pick(row, "OpenDate"));
    const closedOn = parseRegisterDate(pick(row, "CloseDate"));
    if (pick(row, "OpenDate") && !openedOn)
      return out.rejected.push({
        line,
        urn: urnText,
        reason: `The open date "${pick(row, "OpenDate")}" is not a real date.`,
      });
    const ofsted = pick(row, "OfstedRating (name)");
    const lastInspection = parseRegisterDate(pick(row, "OfstedLastInsp", "DateOfLastInspectionVisit"));
    const establishmentNumber = pick(row, "EstablishmentNumber");
    out.schools.push({
      urn,
      name,
      laCode,
      laestab: laCode && establishmentNumber ? `${laCode}${establishmentNumber.padStart(4, "0")}` : null,
      phase: getPhase(pick(row, "PhaseOfEducation (name)")),
      typeOfEstablishment: type ?? null,
      governance,
      trust: pick(row, "Trusts (name)") ?? null,
      status,
      openedOn,
      closedOn,
      postcode: pick(row, "Postcode") ?? null,
      district: pick(row, "DistrictAdministrative (name)") ?? null,
      data: {
        source: "gias",
        attributes: getGiasAttributes(row),
        ...(pick(row, "NumberOfPupils") ? { pupils: Number(pick(row, "NumberOfPupils")) } : {}),
        ...(pick(row, "PercentageFSM") ? { fsmPercent: Number(pick(row, "PercentageFSM")) } : {}),
        ...(ofsted || lastInspection
          ? {
              facts: {
                ofsted: {
                  ...(ofsted ? { overallEffectiveness: OFSTED[ofsted.toLowerCase()] ?? "not-inspected" } : {}),
                  ...(lastInspection ? { inspectionDate: lastInspection } : {}),
                },
              },
            }
          : {}),
      },
    });
  });
  return out;
}

export interface SchoolLink {
  urn: number;
  linkUrn: number;
  linkName: string;
  linkType: string;
  established: string | null;
}

/** A GIAS links file: for each URN, its predecessors and successors (academy conversions, mergers). */
export function readLinksFile(text: string): { links: SchoolLink[]; rejected: Rejection[] } {
  const { header, rows } = readCsv(text);
  for (const required of ["URN", "LinkURN", "LinkType"]) {
    if (!header.includes(required))
      throw new RegisterFileError(`The file has no "${required}" column: is it a GIAS links download?`);
  }
  const links: SchoolLink[] = [];
  const rejected: Rejection[] = [];
  rows.forEach((row, i) => {
    const urn = Number(pick(row, "URN"));
    const linkUrn = Number(pick(row, "LinkURN"));
    if (!Number.isInteger(urn) || urn <= 0 || !Number.isInteger(linkUrn) || linkUrn <= 0) {
      rejected.push({ line: i + 2, urn: pick(row, "URN"), reason: "URN and LinkURN must both be whole numbers." });
      return;
    }
    links.push({
      urn,
      linkUrn,
      linkName: pick(row, "LinkName") ?? "",
      linkType: pick(row, "LinkType") ?? "",
      established: parseRegisterDate(pick(row, "LinkEstablishedDate")),
    });
  });
  return { links, rejected };
}

/** A school's links as stored in its data (`links`). */
export interface StoredLink {
  urn: number;
  name: string;
  type: string;
  established: string | null;
}

/** The links of each school in `known`, grouped by its URN, in the shape stored in the school's data. */
export function linksBySchool(links: readonly SchoolLink[], known: ReadonlySet<number>): Map<number, StoredLink[]> {
  const byUrn = new Map<number, StoredLink[]>();
  for (const link of links) {
    if (!known.has(link.urn)) continue;
    byUrn.set(link.urn, [
      ...(byUrn.get(link.urn) ?? []),
      { urn: link.linkUrn, name: link.linkName, type: link.linkType, established: link.established },
    ]);
  }
  return byUrn;
}

/**
 * The DfE census extract Steward's demo is seeded from (one row per school,
 * with the Ofsted word and latest inspection): read the same way.
 */
export function readCensusFile(text: string, laCode: string): RegisterRead {
  const { rows } = readCsv(text);
  const out: RegisterRead = { schools: [], rejected: [], skipped: [] };
  rows.forEach((row, i) => {
    const line = i + 2;
    if (row.la_code !== laCode) return;
    const urn = Number(row.urn);
    if (!Number.isInteger(urn) || urn <= 0)
      return out.rejected.push({ line, urn: row.urn, reason: "The URN is not a whole number." });
    const governance = getGovernance(row.academy_flag, row.type_of_establishment);
    if (!governance)
      return out.skipped.push({
        line,
        urn: row.urn,
        reason: "Independent schools are outside the authority's school-improvement remit.",
      });
    const word = (row.ofsted_rating_gias_apr2024 ?? "").toLowerCase();
    const inspected = parseRegisterDate(row.latest_inspection_date_to_feb2020);
    out.schools.push({
      urn,
      name: row.school_name ?? `School ${urn}`,
      laCode,
      laestab: row.laestab || null,
      phase: getPhase(row.phase_type_grouping),
      typeOfEstablishment: row.type_of_establishment || null,
      governance,
      trust: row.trust || null,
      status: "open",
      openedOn: null,
      closedOn: null,
      postcode: row.postcode || null,
      district: row.district || null,
      data: {
        source: "census-2023",
        ...(row.headcount_jan2023 ? { pupils: Number(row.headcount_jan2023) } : {}),
        ...(row.fsm_pct_jan2023 ? { fsmPercent: Number(row.fsm_pct_jan2023) } : {}),
        facts: {
          ofsted: {
            overallEffectiveness: OFSTED[word] ?? "not-inspected",
            ...(inspected ? { inspectionDate: inspected } : {}),
          },
        },
      },
    });
  });
  return out;
}
