import { MAX_NAMED } from './total.js';

/**
 * A problem found while adding up the schools: data, never console output.
 * Each names the files it is about; `where` is the field concerned — in the
 * county's stats for sums ("aid[3].students"), in the school's file for a
 * school's own problem.
 */
export interface AggregateWarning {
  code:
    | 'duplicate_school'
    | 'other_year'
    | 'bureau_among_schools'
    | 'aid_without_enrolment'
    | 'aid_exceeds_enrolment'
    | 'stated_total_differs'
    | 'incomplete_total'
    | 'standard_differs'
    | 'since_differs'
    | 'list_shortened'
    | 'not_aggregated'
    | 'previous_year';
  where: string;
  /** The files concerned, as the caller named them (paths, upload names, "#3"). */
  files: string[];
  message: { zh: string; en: string };
}

export function aggregateWarning(code: AggregateWarning['code'], where: string, files: readonly string[], zh: string, en: string): AggregateWarning {
  const at = where ? [`${where}：`, `${where}: `] : ['', ''];
  return { code, where, files: [...files], message: { zh: `${at[0]}${zh}`, en: `${at[1]}${en}` } };
}

/**
 * Files as a warning names them: all of them up to five, else the first five
 * and how many more.
 *
 * @example namedFiles(['a.json', 'b.json'], 2) → { zh: 'a.json、b.json', en: 'a.json, b.json' }
 * @example namedFiles(['a.json', 'b.json'], 9) → { zh: 'a.json、b.json等9个文件', en: 'a.json, b.json and 7 more' }
 */
export function namedFiles(files: readonly string[], count = files.length): { zh: string; en: string } {
  const shown = files.slice(0, MAX_NAMED);
  const rest = count - shown.length;
  return rest > 0 ? { zh: `${shown.join('、')}等${count}个文件`, en: `${shown.join(', ')} and ${rest} more` } : { zh: shown.join('、'), en: shown.join(', ') };
}
