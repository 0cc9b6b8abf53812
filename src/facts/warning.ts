/** A consistency problem in valid stats: data, never console output. */
export interface Warning {
  code:
    | 'parts_do_not_add_up'
    | 'aided_exceeds_enrolled'
    | 'funding_does_not_add_up'
    | 'date_outside_year'
    | 'dropout_does_not_add_up'
    | 'amount_differs_from_standard'
    | 'text_cleaned'
    | 'missing_glyph'
    | 'no_signature'
    | 'chart_as_table';
  /** JSON path of the field concerned, as in stats issues: "aidedGroups[0].statedTotal". */
  where: string;
  message: { zh: string; en: string };
}

export function warning(code: Warning['code'], where: string, zh: string, en: string): Warning {
  return { code, where, message: { zh: `${where}：${zh}`, en: `${where}: ${en}` } };
}
