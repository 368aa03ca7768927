/** A1 addresses of the simulated host: 1-based boxes, sheet quoting, qualified addresses. */
import { FakeOfficeError } from './errors';

/** A rectangle of cells, 1-based. */
export interface Box {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export function colLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Parses a local reference ("M7", "A1:B2", "$A$1", whole columns "C:C", whole rows "3:5"). */
export function parseBox(address: string): Box {
  const part = (p: string): { row: number | null; col: number | null } => {
    const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(p.trim());
    if (!m || (m[1] === '' && m[2] === ''))
      throw new FakeOfficeError('InvalidArgument', `bad address "${address}"`);
    return { col: m[1] ? colNumber(m[1]) : null, row: m[2] ? Number(m[2]) : null };
  };
  const [a, b] = address.split(':');
  const p = part(a ?? '');
  const q = b === undefined ? p : part(b);
  const top = Math.min(p.row ?? 1, q.row ?? MAX_ROWS);
  const bottom = Math.max(p.row ?? 1, q.row ?? MAX_ROWS);
  const left = Math.min(p.col ?? 1, q.col ?? MAX_COLUMNS);
  const right = Math.max(p.col ?? 1, q.col ?? MAX_COLUMNS);
  return { top, left, rows: bottom - top + 1, columns: right - left + 1 };
}

export function boxAddress(b: Box): string {
  const first = `${colLetters(b.left)}${b.top}`;
  if (b.rows === 1 && b.columns === 1) return first;
  return `${first}:${colLetters(b.left + b.columns - 1)}${b.top + b.rows - 1}`;
}

/** A sheet name as Excel writes it in an address: quoted unless letters, digits, _ and . only. */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "'Sheet 1'!M7" into sheet name and local address. */
export function splitQualified(address: string): { sheet: string | null; local: string } {
  const i = address.lastIndexOf('!');
  if (i < 0) return { sheet: null, local: address };
  let s = address.slice(0, i);
  if (s.startsWith("'") && s.endsWith("'")) s = s.slice(1, -1).replace(/''/g, "'");
  return { sheet: s, local: address.slice(i + 1) };
}

/** Whether box `inner` lies inside `outer`. */
export function inside(inner: Box, outer: Box): boolean {
  return (
    inner.top >= outer.top &&
    inner.left >= outer.left &&
    inner.top + inner.rows <= outer.top + outer.rows &&
    inner.left + inner.columns <= outer.left + outer.columns
  );
}

/** `key` of a cell in a sheet's map: "row:column", 1-based. */
export function cellKey(row: number, col: number): string {
  return `${row}:${col}`;
}
