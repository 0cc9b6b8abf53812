import { formatRoughCount } from '../format/rough.js';
import { APPROX_LABELS } from '../schema/enums.js';
import type { Rough } from '../schema/rough.js';
import type { Figure, Total } from './total.js';
import { written, type Written } from './written.js';
import { aggregateWarning, namedFiles, type AggregateWarning } from './warning.js';

/** What one field is and where its figures came from, for the warnings that settle it. */
export interface FieldContext {
  /** The field in the county's stats: "enrolment.stages[1].classes". */
  where: string;
  /** The measure word of a count ("人", "所"), or "元" for money. */
  unit: string;
  /** The bureau's file, when it has one. */
  bureau?: string;
  /** What the field counts, where its path alone does not say: "小学营养改善计划春季学期". */
  label?: { zh: string; en: string };
  warnings: AggregateWarning[];
}

/**
 * The county's figure for one field, and the warnings that explain it:
 *
 * - every school that reports the section gives it → the schools' sum
 *   (the bureau's own figure, where it states one, is checked against it);
 * - some leave it out → not the sum of the others: the bureau's own figure
 *   if it states one, else nothing; a warning says what the partial covers;
 * - none gives it → the bureau's own figure, or nothing.
 *
 * @returns the figure as a stats file writes it (a number, or `{ value, approx }`)
 */
export function settle(total: Total, stated: number | Rough | undefined, field: FieldContext): Written | undefined {
  const statedFigure = stated === undefined ? undefined : typeof stated === 'number' ? { value: stated } : stated;
  if (total.complete) {
    const sum = total.partial;
    if (statedFigure && !statedFigure.approx && !sum.approx && statedFigure.value !== sum.value) {
      field.warnings.push(
        aggregateWarning(
          'stated_total_differs',
          field.where,
          [field.bureau ?? ''],
          `${field.label ? `${field.label.zh}，` : ''}${field.bureau ?? '教育局'}填报${shown(statedFigure, field.unit)}，各校相加为${shown(sum, field.unit)}，相差${shown({ value: Math.abs(round2(statedFigure.value - sum.value)) }, field.unit)}；汇总采用各校之和`,
          `${field.label ? `${field.label.en}: ` : ''}${field.bureau ?? 'the bureau'} states ${shownEn(statedFigure, field.unit)}, the schools add up to ${shownEn(sum, field.unit)}; the sum of the schools is used`,
        ),
      );
    }
    return total.written;
  }
  if (total.given) {
    const partial = total.partial;
    const files = namedFiles(total.missingFrom, total.missing);
    const fallback = statedFigure
      ? { zh: `；采用${field.bureau ?? '教育局'}填报的${shown(statedFigure, field.unit)}`, en: `; the bureau's own figure, ${shownEn(statedFigure, field.unit)}, is used` }
      : { zh: '，不作为合计印出', en: ', which is not printed as the total' };
    field.warnings.push(
      aggregateWarning(
        'incomplete_total',
        field.where,
        total.missingFrom,
        `${field.label ? `${field.label.zh}，` : ''}${total.known + total.missing}处中有${total.missing}处未填报（${files.zh}）；其余${total.known}处相加为${shown(partial, field.unit)}${fallback.zh}`,
        `${field.label ? `${field.label.en}: ` : ''}${total.missing} of ${total.known + total.missing} entries leave it out (${files.en}); the other ${total.known} add up to ${shownEn(partial, field.unit)}${fallback.en}`,
      ),
    );
  }
  return stated === undefined ? undefined : written(stated);
}

/** Rounds float noise off a difference of two-decimal figures. */
const round2 = (n: number) => Math.round(n * 100) / 100;

/** A figure in a warning: exact, with its qualifier (8000余份, 约930万元 …); money in exact 元. */
export function shown(figure: Figure, unit: string): string {
  if (unit !== '元') return formatRoughCount(figure, unit);
  const word = figure.approx ? APPROX_LABELS[figure.approx] : '';
  return figure.approx === 'over' || figure.approx === 'more' ? `${figure.value}${word}元` : `${word}${figure.value}元`;
}

function shownEn(figure: Figure, unit: string): string {
  const word = figure.approx ? `${{ over: 'over ', more: 'over ', nearly: 'nearly ', about: 'about ' }[figure.approx]}` : '';
  return `${word}${figure.value} ${unit === '元' ? 'yuan' : ''}`.trimEnd();
}
