import { groupNounAt, ORG_KINDS, personAt, voiceOf, type Voice } from '../domain/organisations.js';
import { programmeRule, programmeVerb } from '../domain/programmes.js';
import { DATA_SECTIONS, SECTIONS, STAFF_AUDIENCES, type DataSection } from '../domain/sections.js';
import type { Facts, PaymentFacts, ProgrammeFacts, StageAidFacts, Tally, Warning } from '../facts/index.js';
import { warning } from '../facts/warning.js';
import { type ProjectFacts, type ProjectSet } from '../facts/projects.js';
import { statusOf } from '../facts/trainings.js';
import { formatAmountChange, formatChange } from '../format/change.js';
import { toFen } from '../format/money.js';
import { formatPercent } from '../format/percent.js';
import { formatSchoolYear } from '../format/schoolYear.js';
import {
  AUDIENCE_LABELS,
  DROPOUT_ACTION_LABELS,
  FUNDING_LABELS,
  ORG_KIND_LABELS,
  PROJECT_KIND_LABELS,
  RATE_LABELS,
  SECTION_LABELS,
  SEMESTER_LABELS,
  STAGE_LABELS,
  STANDARD_UNIT_LABELS,
  type AidedGroup,
  type AidPeriod,
  type Semester,
  type FundingSource,
  type ProjectKind,
  type ProjectStatus,
  type Section,
  type Stage,
} from '../schema/enums.js';
import type { Rough } from '../schema/rough.js';
import type { Project, Training, YearlyStats } from '../schema/stats.js';
import type {
  AidStageView,
  AidView,
  EnrolmentView,
  MeasureView,
  PaymentView,
  PeriodView,
  ProgrammeView,
  ProjectGroupView,
  ProjectsView,
  ProjectView,
  RoughMoney,
  RoughNumber,
  SchoolsView,
  TemplateView,
  TrainingItemView,
  TrainingsView,
  UserSentence,
  ViewTables,
} from './template-view.js';
import type { Terms } from './terms.js';

export type { ViewTables } from './template-view.js';

/**
 * Stats and facts → the TemplateView (src/compose/template-view.ts). Only
 * what the data gives reaches it: absent and zero figures become null, so a
 * template cannot print a sentence the data does not back. No arithmetic
 * here either: every sum comes from the facts.
 */

/** A figure worth printing: given and not 0. */
const some = (n: number | undefined): number | null => (n === undefined || n === 0 ? null : n);
/** A sum worth printing: known for every part, and not 0. */
const known = (n: number, isKnown: boolean): number | null => (isKnown && n !== 0 ? n : null);
const rough = (r: Rough | undefined): RoughNumber | null => (r === undefined || r.value === 0 ? null : { value: r.value, approx: r.approx ?? null });
const roughMoney = (r: Rough | undefined): RoughMoney | null => (r === undefined || r.value === 0 ? null : { fen: toFen(r.value), approx: r.approx ?? null });

/** Sentence-ending punctuation (a closing quote or bracket may follow it). */
const ENDS_SENTENCE = /[。！？…；][”’）)」』]*$/;
/** User text as a sentence: printed as written, with a 。 after it where it does not end one itself. */
const sentence = (text: string): UserSentence => ({ text, stop: ENDS_SENTENCE.test(text) ? '' : '。' });

/** A free-text field's paragraphs: each line break the user typed starts a new one. */
function paragraphsOf(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

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

/** What an aid period is called in the report's running text: a year's payment in a school year's report is the school year's. */
function paymentLabel(period: AidPeriod, report: PeriodView): string {
  if (period !== 'year') return SEMESTER_LABELS[period];
  return report.kind === 'schoolYear' ? '本学年' : '全年';
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

/**
 * User words printed right before a figure (a programme's name or verb, a
 * group, an item, a rate, a reason): one ending in a digit is quoted, or
 * "爱心助学金2" and 4500元 would read as 爱心助学金24500元.
 */
function beforeFigure(name: string): string {
  return /[0-9０-９.．]$/.test(name) ? `“${name}”` : name;
}

/** A group's name in the report year's terms, said of the persons at a stage. */
function groupName(group: AidedGroup, person: string, terms: Terms): string {
  return groupNounAt(terms.groups[group], person);
}

function paymentView(p: PaymentFacts, label: string, backPay: boolean, person: string, terms: Terms): PaymentView | null {
  const students = known(p.students, p.known.students);
  const copies = known(p.copies, p.known.copies);
  const fen = known(p.fen, p.known.fen);
  // A payment with nothing to state (0 students and 0元) is no payment.
  if (students === null && copies === null && fen === null) return null;
  const several = p.group === undefined && p.groups.length > 0;
  // Beside other groups, 家庭经济困难学生 are the *other* students with financial difficulty.
  const shareName = (g: AidedGroup) => `${g === 'hardship' && p.groups.length > 1 ? '其他' : ''}${groupName(g, person, terms)}`;
  return {
    backPay,
    label,
    students,
    noun: p.group ? groupName(p.group, person, terms) : person,
    grouped: p.group !== undefined,
    copies,
    fen,
    standard: p.standard && p.standard.fen > 0 ? { unit: STANDARD_UNIT_LABELS[p.standard.unit], fen: p.standard.fen } : null,
    shares: several ? p.groups.filter((g) => g.students > 0).map((g) => ({ label: shareName(g.group), students: g.students })) : [],
  };
}

function totalOf(t: Tally) {
  const total = { students: known(t.students, t.known.students), copies: known(t.copies, t.known.copies), fen: known(t.fen, t.known.fen) };
  return total.students === null && total.copies === null && total.fen === null ? null : total;
}

function programmeView(p: ProgrammeFacts, stats: YearlyStats, terms: Terms, report: PeriodView): ProgrammeView | null {
  const person = personAt(stats.organisation.kind, p.stage);
  const payments = [
    ...(['spring', 'autumn', 'year'] as const).flatMap((period) => {
      const t = p.periods[period];
      const view = t && paymentView(t, paymentLabel(period, report), false, person, terms);
      return view ? [view] : [];
    }),
    ...p.backPays.flatMap((b) => {
      const view = paymentView(b, `${b.year}年${SEMESTER_LABELS[b.semester]}`, true, person, terms);
      return view ? [view] : [];
    }),
  ];
  if (payments.length === 0) return null;
  const notes = p.records.flatMap((i) => (stats.aid[i]!.note ? [sentence(stats.aid[i]!.note!)] : []));
  const ownVerb = stats.aid[p.records[0]!]!.verb;
  return {
    label: p.name,
    name: beforeFigure(p.name),
    // The verb again, with a name ending in a digit quoted where it stands in it (发放“爱心助学金2”).
    verb: programmeVerb(p.programme, p.stage, beforeFigure(p.name), ownVerb && beforeFigure(ownVerb)),
    amountLead: programmeRule(p.programme).amountLead,
    copiesUnit: programmeRule(p.programme).copies,
    payments,
    // A total is worth stating when it sums more than one payment.
    total: payments.length > 1 ? totalOf(p.total) : null,
    notes,
  };
}

/**
 * Coverage of a stage, computed from its parts: stated only where it is
 * full. A lower rate is not stated: it counts the students the rows name as
 * the group's, and a programme paid to all (营养改善计划) names no group, so
 * “覆盖率为19%” could say less than the truth.
 */
function coverageOf(stage: Stage, facts: Facts, stats: YearlyStats, terms: Terms): string[] {
  const person = personAt(stats.organisation.kind, stage);
  const full = new Map<AidedGroup, Semester[]>();
  const short = new Set<AidedGroup>();
  for (const c of facts.coverage) {
    if (c.stage !== stage || !c.group) continue;
    if (c.aided >= c.eligible) full.set(c.group, [...(full.get(c.group) ?? []), c.semester]);
    else short.add(c.group);
  }
  return [...full]
    .filter(([group]) => !short.has(group))
    .map(([group, semesters]) => {
      const both = semesters.length > 1;
      return `${both ? '春季和秋季学期' : SEMESTER_LABELS[semesters[0]!]}${groupName(group, person, terms)}资助${both ? '均' : ''}实现全覆盖`;
    });
}

function stageView(s: StageAidFacts, facts: Facts, stats: YearlyStats, terms: Terms, report: PeriodView): AidStageView | null {
  const programmes = s.programmes.flatMap((p) => programmeView(p, stats, terms, report) ?? []);
  if (programmes.length === 0) return null;
  return { stage: s.stage, label: STAGE_LABELS[s.stage], single: programmes.length === 1, programmes, coverage: coverageOf(s.stage, facts, stats, terms) };
}

function aidView(stats: YearlyStats, facts: Facts, terms: Terms, report: PeriodView): AidView | null {
  const stages = facts.aid.stages.flatMap((s) => stageView(s, facts, stats, terms, report) ?? []);
  if (stages.length === 0) return null;
  const { grants, loans, inKind } = facts.aid;
  const pair = (t: Tally) => {
    const v = { students: known(t.students, t.known.students), fen: known(t.fen, t.known.fen) };
    return t.rows && (v.students !== null || v.fen !== null) ? v : null;
  };
  const goods = { students: known(inKind.students, inKind.known.students), copies: known(inKind.copies, inKind.known.copies), fen: known(inKind.fen, inKind.known.fen) };
  const change = facts.change;
  return {
    several: stages.length > 1,
    grants: pair(grants),
    loans: pair(loans),
    inKind: inKind.rows && (goods.students !== null || goods.copies !== null || goods.fen !== null) ? goods : null,
    change: change.aidFen ? formatAmountChange(change.aidFen.current / 100, change.aidFen.previous / 100) : null,
    studentsChange: change.aidStudents ? formatChange(change.aidStudents.current, change.aidStudents.previous, '人次') : null,
    stages,
  };
}

/** How a project's progress reads in prose. */
const STATUS_PHRASES: Record<ProjectStatus, string> = {
  accepted: '已通过竣工验收',
  completed: '已完工',
  started: '已开工建设',
  planned: '已列入建设规划',
};

/** The project's kind as prose names it after its schools: "运动场建设项目"; no "某幼儿园幼儿园建设" nor "8所幼儿园幼儿园建设". */
function kindPhrase(kind: ProjectKind, schools: SchoolsView | null): string {
  const last = schools ? (schools.one ? schools.named[0]! : schools.noun) : '';
  if (kind === 'kindergarten' && last.endsWith('幼儿园')) return '建设项目';
  return `${PROJECT_KIND_LABELS[kind]}项目`;
}

function schoolsView(named: readonly string[], count: number, noun = '学校'): SchoolsView | null {
  if (count === 0) return null;
  return { named: [...named], count, noun, one: count === 1 && named.length === 1, listed: named.length === count && count <= 5, sample: named.length > 0 && named.length < count };
}

/** What the schools of projects are: 幼儿园 where every project builds one, else 学校. */
const schoolNoun = (projects: readonly Project[]) => (projects.length > 0 && projects.every((p) => p.kind === 'kindergarten') ? '幼儿园' : '学校');

function sourcesOf(bySourceFen: Partial<Record<FundingSource, number>>, voice: Voice) {
  return (Object.keys(FUNDING_LABELS) as FundingSource[]).flatMap((source) => {
    const fen = bySourceFen[source];
    // 县级 reads 区级 or 市级 after the organisation's division.
    const label = source === 'county' ? `${voice.level}资金` : FUNDING_LABELS[source];
    return fen ? [{ label, fen }] : [];
  });
}

function projectView(p: Project, sums: ProjectFacts['perProject'][number], voice: Voice): ProjectView {
  const schools = schoolsView(p.school !== undefined ? [p.school] : (p.schools ?? []), sums.schools, schoolNoun([p]));
  const fen = p.investment?.approx ? undefined : sums.investmentFen;
  return {
    since: p.since ?? null,
    schools,
    what: p.name ?? kindPhrase(p.kind, schools),
    status: STATUS_PHRASES[p.status],
    area: rough(p.area),
    investment: p.investment?.approx ? roughMoney(p.investment) : fen ? { fen, approx: null } : null,
    sources: sourcesOf(Object.fromEntries(Object.entries(p.funding ?? {}).map(([k, v]) => [k, toFen(v ?? 0)])), voice),
  };
}

function setTotals(set: ProjectSet, stats: YearlyStats, facts: ProjectFacts, voice: Voice) {
  const projects = set.projects.map((i) => stats.projects[i]!);
  // Where one entry covers several schools, entries are not projects: the schools are counted instead.
  const count = set.projects.every((i) => facts.perProject[i]!.schools <= 1) ? set.count : null;
  return { count, schools: some(set.schools), schoolNoun: schoolNoun(projects), area: some(set.area), fen: some(set.investmentFen), sources: sourcesOf(set.bySourceFen, voice) };
}

function projectsView(stats: YearlyStats, facts: Facts, voice: Voice): ProjectsView | null {
  const p = facts.projects;
  if (!p) return null;
  const groups: ProjectGroupView[] = p.groups.map((g) => {
    const projects = g.projects.map((i) => stats.projects[i]!);
    // Figures sum exactly when every project gives them so: then one line per status and kind says the rest.
    const exact = projects.every((x) => (x.area === undefined || !x.area.approx) && (x.investment === undefined || !x.investment.approx));
    const progress = g.progress.map((e) => {
      const schools = schoolsView(e.named, e.schools, schoolNoun(e.projects.map((i) => stats.projects[i]!)));
      return { schools, what: e.name ?? kindPhrase(e.kind, schools), status: STATUS_PHRASES[e.status] };
    });
    const totals = setTotals(g, stats, p, voice);
    return {
      title: g.programme !== undefined ? `${g.programme}项目` : `${PROJECT_KIND_LABELS[g.kind!]}项目`,
      ...totals,
      // One project says it all in its own sentence; several exact ones sum, then say their progress.
      progress: exact && g.count > 1 ? progress : null,
      items: exact && g.count > 1 ? [] : g.projects.map((i) => projectView(stats.projects[i]!, facts.projects!.perProject[i]!, voice)),
    };
  });
  return {
    total: groups.length > 1 && p.current ? setTotals(p.current, stats, p, voice) : null,
    groups,
    several: groups.length > 1,
    multiYear: p.since.map((i) => projectView(stats.projects[i]!, p.perProject[i]!, voice)),
  };
}

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
type Built = Omit<TemplateView, 'measures' | 'placed' | 'headings' | 'highlights' | 'problems' | 'plans' | 'closing' | 'report' | 'tables'>;

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

export function buildView(stats: YearlyStats, facts: Facts, terms: Terms, tables: ViewTables, warnings: Warning[] = []): TemplateView {
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
  };
}

/** @deprecated The view's type: use {@link TemplateView}. */
export type View = TemplateView;
