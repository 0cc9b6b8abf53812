/** A consistency problem in valid stats, or a slip in the user's text: data, never console output. */
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
    | 'fallback_glyph'
    | 'font_lacks_chinese'
    | 'no_signature'
    | 'outside_period'
    | 'section_appended'
    | 'section_empty'
    // Proofreading the user's text (src/proofread):
    | 'placeholder_left'
    | 'text_repeated'
    | 'term_of_other_period'
    | 'halfwidth_punctuation'
    | 'enumeration_mark'
    | 'unpaired_mark'
    | 'doubled_punctuation'
    | 'date_invalid'
    | 'character_lost'
    | 'percent_missing'
    // A chart set as a table where it could not be drawn (src/node/renderers.ts):
    | 'chart_as_table';
  /** JSON path of the field concerned, as in stats issues: "aidedGroups[0].students". */
  where: string;
  message: { zh: string; en: string };
}

export function warning(code: Warning['code'], where: string, zh: string, en: string): Warning {
  return { code, where, message: { zh: `${where}：${zh}`, en: `${where}: ${en}` } };
}
