/**
 * The domain rules, each in one place: the aid programmes, the kinds of
 * organisation and their words, the parts of a summary. Schema, facts,
 * view, templates and tests read them here.
 */
export * from './programmes.js';
export * from './organisations.js';
export * from './sections.js';
