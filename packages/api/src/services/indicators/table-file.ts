import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

/** A cell as read: CSV cells are text; a spreadsheet's may be numbers, yes/no or dates. */
export type Cell = string | number | boolean | Date | null;

/** One row of a file, with the line (or spreadsheet row) it is on: the header is line 1. */
export interface TableRow {
  line: number;
  cells: Record<string, Cell>;
}

export interface Table {
  header: string[];
  rows: TableRow[];
}

/** A file as the browser sends it: CSV as text, XLSX as base64. */
export interface UploadedFile {
  name: string;
  content: string;
  encoding: "text" | "base64";
}

/** A file that cannot be read at all: the message says why (and where, when the reader knows). */
export class TableFileError extends Error {}

const MAX_ROWS = 200_000;

function checkHeader(header: readonly string[]): void {
  if (header.length === 0 || header.every((h) => !h)) throw new TableFileError("The file has no header row.");
  const seen = new Set<string>();
  for (const name of header) {
    if (name && seen.has(name)) throw new TableFileError(`The header has the column "${name}" twice.`);
    seen.add(name);
  }
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/** csv-parse's typing does not know that `info: true` returns each record with its info: checked here instead. */
function isCsvRecord(value: unknown): value is CsvRecord {
  return (
    typeof value === "object" &&
    value !== null &&
    "record" in value &&
    Array.isArray(value.record) &&
    "info" in value &&
    typeof value.info === "object" &&
    value.info !== null &&
    "lines" in value.info &&
    typeof value.info.lines === "number"
  );
}

function readCsvTable(text: string): Table {
  let records: CsvRecord[];
  try {
    const parsed: unknown[] = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
    records = parsed.filter(isCsvRecord);
  } catch (error) {
    throw new TableFileError(`The file is not a readable CSV: ${error instanceof Error ? error.message : "unknown"}`);
  }
  const [head, ...body] = records;
  if (!head) throw new TableFileError("The file is empty.");
  const header = head.record;
  checkHeader(header);
  if (body.length > MAX_ROWS)
    throw new TableFileError(`The file has ${body.length} rows: import at most ${MAX_ROWS} at a time.`);
  return {
    header,
    rows: body.map(({ record, info }) => ({
      line: info.lines,
      cells: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ""])),
    })),
  };
}

/** A spreadsheet cell's value: formulas read as their result, rich text as its text, errors as nothing. */
function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if ("richText" in value)
    return value.richText
      .map((r) => r.text)
      .join("")
      .trim();
  if ("formula" in value || "sharedFormula" in value) return "result" in value ? toCell(value.result ?? null) : null;
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text.trim() : null;
  return null;
}

async function readXlsxTable(bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs takes an ArrayBuffer: a copy of the file's bytes in one of their own.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    throw new TableFileError(
      `The file is not a readable XLSX workbook: ${error instanceof Error ? error.message : "unknown"}`,
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableFileError("The workbook has no worksheet.");
  if (sheet.rowCount > MAX_ROWS + 1)
    throw new TableFileError(`The worksheet has ${sheet.rowCount} rows: import at most ${MAX_ROWS} at a time.`);
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
    const value = toCell(cell.value);
    header[column - 1] = value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? "").trim();
  });
  checkHeader(header);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const cells: Record<string, Cell> = {};
    header.forEach((name, i) => {
      cells[name] = toCell(row.getCell(i + 1).value);
    });
    if (Object.values(cells).some((c) => c !== null && c !== "")) rows.push({ line, cells });
  });
  return { header: header.map((h) => h || ""), rows };
}

/** The file's bytes, and their SHA-256 (stored with a run, so the same file applied twice can be told). */
export function getFileBytes(file: UploadedFile): { bytes: Buffer; sha256: string } {
  const bytes = file.encoding === "base64" ? Buffer.from(file.content, "base64") : Buffer.from(file.content, "utf8");
  return { bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** Whether the bytes are a zip (an XLSX workbook is one), whatever the file is called. */
const isZip = (bytes: Buffer) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;

/** Reads a CSV or the first worksheet of an XLSX workbook into a header and rows, each with its line. */
export async function readTableFile(file: UploadedFile): Promise<Table> {
  const { bytes } = getFileBytes(file);
  if (isZip(bytes) || /\.xlsx$/i.test(file.name)) return readXlsxTable(bytes);
  if (/\.xls$/i.test(file.name))
    throw new TableFileError("Old Excel files (.xls) cannot be read: save it as .xlsx or .csv and try again.");
  return readCsvTable(bytes.toString("utf8"));
}
