/** Number formatting for the report and the draft, the Chinese way by default: 12,345 人次, 1.23万元, 85.3%. */
import { fillText } from '../../core/text/fillText';
import type { Phrases } from './phrases';

type NumberStyle = Phrases['number'];

/** A whole count; digit groups from `groupFrom` on (a 4-digit figure stays plain, as in Chinese official writing). */
export function formatCount(value: number, style: NumberStyle): string {
  return group(Math.round(value), style.groupFrom, 0);
}

/** A plain number with up to `decimals` decimals (trailing zeros dropped), grouped like counts. */
export function formatDecimal(value: number, decimals: number, style: NumberStyle): string {
  return group(value, style.groupFrom, decimals);
}

/** Money in 元, or in 万元 from `tenThousandFrom` on (two decimals at most). */
export function formatMoney(value: number, style: NumberStyle): string {
  if (Math.abs(value) >= style.tenThousandFrom) {
    return fillText(style.tenThousandYuan, { value: group(value / 10000, style.groupFrom, 2) });
  }
  return fillText(style.yuan, { value: group(value, style.groupFrom, 2) });
}

/** A fraction 0..1 as a percentage with the style's decimals; `noValue` for null. */
export function formatPercent(rate: number | null, style: NumberStyle, noValue: string): string {
  return rate === null ? noValue : `${(rate * 100).toFixed(style.percentDecimals)}%`;
}

/** A difference of two fractions in percentage points, unsigned, one decimal. */
export function formatPoints(delta: number, style: NumberStyle): string {
  return Math.abs(delta * 100).toFixed(style.percentDecimals);
}

function group(value: number, groupFrom: number, decimals: number): string {
  const fixed = trimZeros(Math.abs(value).toFixed(decimals));
  const [whole = '0', fraction] = fixed.split('.');
  const grouped =
    Math.abs(value) >= groupFrom ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + grouped + (fraction === undefined ? '' : `.${fraction}`);
}

function trimZeros(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}
