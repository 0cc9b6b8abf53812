import achievements from '../../templates/partials/achievements.hbs';
import aid from '../../templates/partials/aid.hbs';
import closing from '../../templates/partials/closing.hbs';
import donations from '../../templates/partials/donations.hbs';
import dropout from '../../templates/partials/dropout.hbs';
import groups from '../../templates/partials/groups.hbs';
import measures from '../../templates/partials/measures.hbs';
import pairing from '../../templates/partials/pairing.hbs';
import programme from '../../templates/partials/programme.hbs';
import projects from '../../templates/partials/projects.hbs';
import publicity from '../../templates/partials/publicity.hbs';
import rates from '../../templates/partials/rates.hbs';
import recruitment from '../../templates/partials/recruitment.hbs';
import supportTeaching from '../../templates/partials/supportTeaching.hbs';
import targetedEnrolment from '../../templates/partials/targetedEnrolment.hbs';
import trainings from '../../templates/partials/trainings.hbs';
import type { TemplateSource } from './template.js';

/**
 * The partials every template gets (templates/partials/): one per data
 * section, named as the section is ({{> publicity publicity depth=2}}), so
 * both built-in templates word a section alike and a measure that places a
 * section ({ "section": "publicity" }) finds its partial. A template's own
 * partials/<name>.hbs replaces the shared one of that name: a custom
 * template directory is a built-in one with files of its own.
 */
export const SHARED_PARTIALS: Readonly<Record<string, string>> = Object.freeze({
  'partials/achievements.hbs': achievements,
  'partials/aid.hbs': aid,
  'partials/closing.hbs': closing,
  'partials/donations.hbs': donations,
  'partials/dropout.hbs': dropout,
  'partials/groups.hbs': groups,
  'partials/measures.hbs': measures,
  'partials/pairing.hbs': pairing,
  'partials/programme.hbs': programme,
  'partials/projects.hbs': projects,
  'partials/publicity.hbs': publicity,
  'partials/rates.hbs': rates,
  'partials/recruitment.hbs': recruitment,
  'partials/supportTeaching.hbs': supportTeaching,
  'partials/targetedEnrolment.hbs': targetedEnrolment,
  'partials/trainings.hbs': trainings,
});

const withShared = new WeakMap<TemplateSource, TemplateSource>();

/** The template with the shared partials under its own files (its own win). */
export function withSharedPartials(source: TemplateSource): TemplateSource {
  let full = withShared.get(source);
  if (!full) withShared.set(source, (full = { name: source.name, files: { ...SHARED_PARTIALS, ...source.files } }));
  return full;
}
