import { ORG_KINDS, personAt, voiceOf } from '../domain/organisations.js';
import { DATA_SECTIONS, SECTIONS, STAFF_AUDIENCES, type DataSection } from '../domain/sections.js';
import type { Facts, Warning } from '../facts/index.js';
import { warning } from '../facts/warning.js';
import { statusOf } from '../facts/trainings.js';
import { formatChange } from '../format/change.js';
import { formatSchoolYear } from '../format/schoolYear.js';
import { AUDIENCE_LABELS, DROPOUT_ACTION_LABELS, ORG_KIND_LABELS, RATE_LABELS, SECTION_LABELS, SEMESTER_LABELS, STAGE_LABELS, type Section, type Stage } from '../schema/enums.js';
import type { Training, YearlyStats } from '../schema/stats.js';
import type { EnrolmentView, MeasureView, PeriodView, TemplateView, TrainingItemView, TrainingsView, ViewCharts, ViewTables } from './template-view.js';
import type { Terms } from './terms.js';
import { aidView } from './view-aid.js';
import { projectsView } from './view-projects.js';
import { beforeFigure, groupName, known, paragraphsOf, rough, roughMoney, sentence, some } from './view-values.js';

export type { ViewCharts, ViewTables } from './template-view.js';

/**
 * Stats and facts → the TemplateView (src/compose/template-view.ts). Only
 * what the data gives reaches it: absent and zero figures become null, so a
 * template cannot print a sentence the data does not back. No arithmetic
 * here either: every sum comes from the facts.
 */

/** The report's period as titles and running text name it. */
export function periodView(stats: Pick<YearlyStats, 'year' | 'period'>): PeriodView {
  const { year, period } = stats;
  switch (period) {
    case 'year':
      return { kind: period, label: `${year}年`, whole: '全年', isYear: true };
    case 'schoolYear':
      return { kind: period, label: formatSchoolYear(year), whole: '本学年', isYear: false };
    default:
      return { kind: period, label: `${year}年${SEMESTER_LABELS[period]}`, whole: '本学期', isYear: false };
  }
}

/**
 * The lead-in after the opening, in the genre the title names: 总结 by
 * default, 报告 or 汇报 where the user's title says so; a survey (调研报告)
 * has none.
 */
function leadFor(title: string | undefined): string | null {
  if (title && /调研报告$|调查报告$/.test(title)) return null;
  if (title && /汇报$/.test(title)) return '现将有关情况汇报如下：';
  if (title && /报告$/.test(title)) return '现将有关情况报告如下：';
  return '现将有关情况总结如下：';
}

/** What a bureau calls the schools of a stage. */
const SCHOOL_LABELS: Record<Stage, string> = {
  preschool: '幼儿园',
  compulsory: '九年一贯制学校',
  primary: '小学',
  junior: '初中',
  senior: '普通高中',
  vocational: '中等职业学校',
  higher: '高等学校',
};

function trainingItem(t: Training): TrainingItemView {
  return { audience: t.audienceName ?? AUDIENCE_LABELS[t.audience], title: t.title ?? null, sessions: some(t.sessions), participants: some(t.participants) };
}

function trainingsView(stats: YearlyStats, facts: Facts): TrainingsView | null {
  const t = facts.trainings;
  if (!t) return null;
  const of = (status: 'done' | 'ongoing' | 'planned') => stats.trainings.filter((x) => statusOf(x) === status).map(trainingItem);
  const done = of('done');
  const change = facts.change.trainingParticipants;
  return {
    held: done.length
      ? {
          sessions: known(t.sessions, t.known.sessions),
          participants: known(t.participants, t.known.participants),
          change: change ? formatChange(change.current, change.previous, '人次') : null,
          items: done,
          several: done.length > 1,
        }
      : null,
    ongoing: of('ongoing'),
    planned: of('planned'),
  };
}

/** A rate's name: the user's, else the label with its stage where the label does not name one (小学适龄儿童入学率). */
function rateName(r: YearlyStats['rates'][number]): string {
  if (r.name) return r.name;
  const label = RATE_LABELS[r.rate];
  const named = r.rate === 'retention' || r.rate === 'kindergartenEnrolment';
  return r.stage && !named ? `${STAGE_LABELS[r.stage]}${label}` : label;
}

function enrolmentView(e: NonNullable<Facts['enrolment']>): EnrolmentView | null {
  const stages = e.stages.filter((s) => (s.students ?? 0) > 0);
  const schoolStages = e.stages.flatMap((s) => (s.schools ? [{ schoolLabel: SCHOOL_LABELS[s.stage], schools: s.schools, teachingPoints: some(s.teachingPoints) }] : []));
  if (stages.length === 0 && schoolStages.length === 0) return null;
  return {
    schools: known(e.schools, e.known.schools),
    classes: known(e.classes, e.known.classes),
    students: known(e.students, e.known.students),
    preschool: some(e.preschool),
    beyondPreschool: some(e.beyondPreschool),
    several: stages.length > 1,
    stages: stages.map((s) => ({
      stage: s.stage,
      label: STAGE_LABELS[s.stage],
      schoolLabel: SCHOOL_LABELS[s.stage],
      isPreschool: s.stage === 'preschool',
      schools: some(s.schools),
      teachingPoints: some(s.teachingPoints),
      classes: some(s.classes),
      students: some(s.students),
    })),
    schoolStages,
    studentStages: stages.filter((s) => s.stage !== 'preschool').map((s) => ({ label: STAGE_LABELS[s.stage], students: s.students! })),
  };
}

const STATUS_WORDS = { done: null, ongoing: '正在', planned: '计划' } as const;

/** The data sections with something to print, from the view built so far. */
type Built = Omit<TemplateView, 'measures' | 'placed' | 'headings' | 'highlights' | 'problems' | 'plans' | 'closing' | 'report' | 'tables' | 'charts'>;

function hasData(view: Built, section: DataSection): boolean {
  const data = view[section];
  return data !== null && data !== undefined;
}

/** A data section's heading among the measures: the user's, else the registry's (培训 of non-staff is not 教师培训). */
function sectionTitle(section: DataSection, stats: YearlyStats): string {
  const own = stats.headings?.[section];
  if (own) return own;
  if (section === 'trainings' && !stats.trainings.every((t) => (STAFF_AUDIENCES as readonly string[]).includes(t.audience))) return '开展培训';
  return SECTIONS[section].title;
}

/**
 * The measures in the user's order, data sections where listed; the data
 * sections with data the user did not list follow, with a warning when the
 * user did order sections (so a seven-item list does not silently become
 * eight). A listed section without data is left out, with a warning.
 */
function measuresView(stats: YearlyStats, view: Built, warnings: Warning[]): { measures: MeasureView[]; placed: TemplateView['placed'] } {
  const measures: MeasureView[] = [];
  const listed = new Set<DataSection>();
  stats.measures.forEach((m, i) => {
    if (!('section' in m)) {
      measures.push({ title: m.title, paragraphs: paragraphsOf(m.text), section: null });
      return;
    }
    listed.add(m.section);
    const paragraphs = m.text ? paragraphsOf(m.text) : [];
    if (hasData(view, m.section)) measures.push({ title: m.title ?? sectionTitle(m.section, stats), paragraphs, section: m.section });
    // The user's words stand even where the data gives nothing to add.
    else if (paragraphs.length) measures.push({ title: m.title ?? sectionTitle(m.section, stats), paragraphs, section: null });
    else
      warnings.push(
        warning('section_empty', `measures[${i}]`, `列出了“${SECTION_LABELS[m.section]}”，但没有该部分的数据，不印出`, `lists ${m.section}, which has no data: left out`),
      );
  });
  const appended = DATA_SECTIONS.filter((s) => SECTIONS[s].home === 'measures' && !listed.has(s) && hasData(view, s));
  for (const s of appended) measures.push({ title: sectionTitle(s, stats), paragraphs: [], section: s });
  if (listed.size > 0 && appended.length > 0)
    warnings.push(
      warning(
        'section_appended',
        'measures',
        `未在做法中列出的数据部分（${appended.map((s) => SECTION_LABELS[s]).join('、')}）排在其后；如开头写明了做法的项数，请核对`,
        `data sections not listed among the measures (${appended.join(', ')}) follow them; check any count of measures the opening states`,
      ),
    );
  const placed = (s: 'aid' | 'rates' | 'achievements') => listed.has(s) && hasData(view, s);
  return { measures, placed: { aid: placed('aid'), rates: placed('rates'), achievements: placed('achievements') } };
}

export function buildView(stats: YearlyStats, facts: Facts, terms: Terms, tables: ViewTables, warnings: Warning[] = [], charts: ViewCharts = { fundsByStage: null }): TemplateView {
  const org = stats.organisation;
  const voice = voiceOf(org);
  const period = periodView(stats);
  const e = facts.enrolment;
  const opening = stats.opening ? paragraphsOf(stats.opening) : [];
  const d = stats.dropout;
  const pairing = stats.pairing;
  const publicity = stats.publicity;
  const donations = stats.donations;
  const recruitment = stats.recruitment;
  const support = stats.supportTeaching;
  const targeted = stats.targetedEnrolment;

  const dropoutView = d
    ? {
        checked: some(d.checked),
        households: some(d.households),
        found: some(d.found),
        noneFound: d.found === 0,
        foundHouseholds: some(d.foundHouseholds),
        returned: some(d.returned),
        homeTaught: some(d.homeTaught),
        reasons: d.reasons.filter((r) => r.students > 0).map((r) => ({ reason: beforeFigure(r.reason), students: r.students, action: r.action && r.action !== 'other' ? DROPOUT_ACTION_LABELS[r.action] : null })),
        noneForPoverty: d.noneForPoverty === true,
      }
    : null;
  const dropoutSays = dropoutView && (dropoutView.checked || dropoutView.households || dropoutView.found || dropoutView.noneFound || dropoutView.reasons.length || dropoutView.noneForPoverty || dropoutView.returned || dropoutView.homeTaught);

  const pairingView = pairing
    ? { teachers: rough(pairing.teachers), students: rough(pairing.students), households: some(pairing.households), homeVisits: rough(pairing.homeVisits), arrangement: pairing.arrangement ? sentence(pairing.arrangement) : null }
    : null;
  const publicityView = publicity ? { materials: rough(publicity.materials), kinds: publicity.kinds, channels: publicity.channels } : null;
  const donationsView = donations
    ? { since: donations.since ?? null, donors: donations.donors, fund: donations.fund ?? null, amount: roughMoney(donations.amount), grants: roughMoney(donations.grants), students: rough(donations.students) }
    : null;
  const names = support?.names ?? [];
  const supportView = support
    ? {
        teachers: rough(support.teachers),
        names: names.map(beforeFigure),
        // Named teachers among more (or an estimate): 潘勇等近百名教师.
        sample: names.length > 0 && (support.teachers.approx !== undefined || support.teachers.value > names.length),
        destinations: support.destinations ?? [],
      }
    : null;
  const recruitmentView = recruitment
    ? {
        teachers: some(recruitment.teachers),
        status: STATUS_WORDS[recruitment.status ?? 'done'],
        rural: some(recruitment.rural),
        publicFundedGraduates: some(recruitment.publicFundedGraduates),
        publicFundedPlan: some(recruitment.publicFundedPlan),
      }
    : null;
  const targetedView = targeted ? { vocational: some(targeted.vocational), specialPlan: some(targeted.specialPlan), note: targeted.note ? sentence(targeted.note) : null } : null;
  const rates = stats.rates.map((r) => ({ name: beforeFigure(rateName(r)), value: { value: r.value.value, approx: r.value.approx ?? null }, year: r.year !== undefined && r.year !== stats.year ? r.year : null }));
  const achievements = stats.achievements.filter((a) => a.value.value > 0);
  const sinceYears = [...new Set(achievements.map((a) => a.since ?? null))];

  const built: Built = {
    year: stats.year,
    title: stats.title ?? null,
    subtitle: stats.subtitle ?? null,
    period,
    org: {
      name: org.name,
      kind: org.kind,
      kindLabel: ORG_KIND_LABELS[org.kind],
      isBureau: ORG_KINDS[org.kind].template === 'bureau',
      region: org.region ?? null,
      parent: org.parent ?? null,
    },
    voice,
    terms,
    opening,
    /** The user's opening already ends with the lead-in "……如下：". */
    openingHasLead: /如下[：:。]$/.test(opening[opening.length - 1] ?? ''),
    lead: leadFor(stats.title),
    enrolment: e ? enrolmentView(e) : null,
    rates: rates.length ? { items: rates } : null,
    groups: facts.groups.flatMap((g) => {
      // Said of the persons counted: a group wholly in preschool, or a kindergarten's, is of 幼儿.
      const person = g.stages.length > 0 && g.stages.every((s) => s.stage === 'preschool') ? '幼儿' : personAt(org.kind, undefined);
      const students = some(g.students);
      const households = some(g.households);
      if (students === null && households === null) return [];
      return [
        {
          label: beforeFigure(g.name ?? groupName(g.group, person, terms)),
          semester: g.semester ? SEMESTER_LABELS[g.semester] : null,
          students,
          households,
          stages: g.stages.filter((s) => s.students > 0).map((s) => ({ label: STAGE_LABELS[s.stage], students: s.students })),
          several: g.stages.filter((s) => s.students > 0).length > 1,
          outOfCounty: some(g.outOfCounty),
        },
      ];
    }),
    aid: aidView(stats, facts, terms, period),
    dropout: dropoutSays ? dropoutView : null,
    projects: projectsView(stats, facts, voice),
    recruitment: recruitmentView && (recruitmentView.teachers || recruitmentView.publicFundedGraduates || recruitmentView.publicFundedPlan) ? recruitmentView : null,
    supportTeaching: supportView && (supportView.teachers || supportView.names.length) ? supportView : null,
    trainings: trainingsView(stats, facts),
    pairing: pairingView && (pairingView.teachers || pairingView.students || pairingView.households || pairingView.homeVisits || pairingView.arrangement) ? pairingView : null,
    targetedEnrolment: targetedView && (targetedView.vocational || targetedView.specialPlan || targetedView.note) ? targetedView : null,
    publicity: publicityView && (publicityView.materials || publicityView.kinds.length || publicityView.channels.length) ? publicityView : null,
    donations:
      donationsView && (donationsView.amount || donationsView.students || donationsView.donors.length || donationsView.fund) ? donationsView : null,
    achievements: achievements.length
      ? {
          groups: sinceYears.map((since) => ({
            since,
            items: achievements
              .filter((a) => (a.since ?? null) === since)
              .map((a) => ({ item: beforeFigure(a.item), value: { value: a.value.value, approx: a.value.approx ?? null }, unit: a.unit, money: a.unit === '元' })),
          })),
        }
      : null,
  };
  const { measures, placed } = measuresView(stats, built, warnings);
  const headings = Object.fromEntries((Object.keys(SECTION_LABELS) as Section[]).map((s) => [s, stats.headings?.[s] ?? null])) as Record<Section, string | null>;
  return {
    ...built,
    measures,
    placed,
    headings,
    highlights: stats.highlights.flatMap(paragraphsOf),
    problems: stats.problems.flatMap(paragraphsOf),
    plans: stats.plans.flatMap(paragraphsOf),
    closing: stats.closing ? paragraphsOf(stats.closing) : [],
    report: stats.report,
    tables,
    charts,
  };
}

/** @deprecated The view's type: use {@link TemplateView}. */
export type View = TemplateView;
