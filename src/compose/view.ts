import type { Facts, ProgrammeFacts, StageAidFacts, Tally } from '../facts/index.js';
import { formatAmountChange, formatChange } from '../format/change.js';
import { formatPercent } from '../format/percent.js';
import {
  AUDIENCE_LABELS,
  FUNDING_LABELS,
  ORG_KIND_LABELS,
  PROJECT_KIND_LABELS,
  SEMESTER_LABELS,
  STAGE_LABELS,
  type FundingSource,
  type Programme,
  type ProjectKind,
  type ProjectStatus,
  type Stage,
} from '../schema/enums.js';
import type { Aid, YearlyStats } from '../schema/stats.js';
import type { Terms } from './terms.js';

/**
 * The view: what templates see. Every key is present (null when there is
 * nothing), so templates run in Handlebars' strict mode and a typo in a
 * custom template fails loudly instead of printing nothing. Numbers stay
 * numbers (helpers format them); user strings arrive sealed (see vault.ts).
 */

/** How a programme's payment reads after "为N名学生". */
const PROGRAMME_VERBS: Record<Programme, string> = {
  preschoolAid: '发放资助资金',
  tuitionWaiver: '免除学费',
  nationalGrant: '发放国家助学金',
  boardingSubsidy: '发放生活补助',
  nutrition: '发放营养膳食补助',
  freeTextbooks: '免费提供教科书，折合资金',
  studentLoan: '办理生源地信用助学贷款',
  yulu: '发放雨露计划补助',
  freshmanAid: '发放新生入学资助',
  custom: '发放',
};

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

/** How the organisation speaks of itself and of its whole scope. */
function voice(stats: YearlyStats): { self: string; scope: string } {
  const { kind, name } = stats.organisation;
  switch (kind) {
    case 'bureau': {
      const area = /区/.test(name) ? '区' : /市/.test(name) && !/县/.test(name) ? '市' : '县';
      return { self: '我局', scope: `全${area}` };
    }
    case 'kindergarten':
      return { self: '我园', scope: '全园' };
    case 'centerSchool':
      return { self: '中心校', scope: '全镇' };
    case 'teachingPoint':
      return { self: '我教学点', scope: '全教学点' };
    default:
      return { self: '我校', scope: '全校' };
  }
}

/** A free-text field's paragraphs: each line break the user typed starts a new one. */
function paragraphsOf(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

const yuan = (t: Tally) => ({ students: t.students, amount: t.fen / 100 });

/** "学生", "幼儿", or the aided group's name ("脱贫家庭学生"; "脱贫家庭幼儿" in preschool). */
function nounFor(stage: Stage, records: Aid[], terms: Terms): string {
  const group = records.find((r) => r.group)?.group;
  const noun = group ? terms.groups[group] : '学生';
  return stage === 'preschool' ? noun.replace(/学生/, '幼儿') : noun;
}

/**
 * A programme's name as printed right before its amount: one ending in a
 * digit is quoted, or "爱心助学金2" and 4500元 would read as 爱心助学金24500元.
 */
function beforeAmount(name: string): string {
  return /[0-9０-９]$/.test(name) ? `“${name}”` : name;
}

function programmeView(p: ProgrammeFacts, stats: YearlyStats, terms: Terms) {
  const records = p.records.map((i) => stats.aid[i]!);
  const name = beforeAmount(p.name);
  const verb =
    p.programme === 'custom' ? `${PROGRAMME_VERBS.custom}${name}` : p.programme === 'tuitionWaiver' && p.stage === 'preschool' ? '免除保育教育费' : PROGRAMME_VERBS[p.programme];
  const parts = (['spring', 'autumn', 'year'] as const).flatMap((period) => {
    const t = p.periods[period];
    const noun = nounFor(p.stage, records.filter((r) => r.period === period && !r.backPay), terms);
    return t ? [{ label: period === 'year' ? '全年' : SEMESTER_LABELS[period], noun, ...yuan(t) }] : [];
  });
  const backPays = p.backPays.map((b) => ({
    label: `${b.year}年${SEMESTER_LABELS[b.semester]}`,
    noun: nounFor(p.stage, records.filter((r) => r.backPay?.year === b.year && r.backPay.semester === b.semester), terms),
    ...yuan(b),
  }));
  const notes = records.flatMap((r) => (r.note ? [r.note] : []));
  return {
    label: p.name,
    programme: p.programme,
    verb,
    name,
    parts,
    backPays,
    total: yuan(p.total),
    /** A yearly total is worth stating when it sums more than one payment. */
    showTotal: parts.length + backPays.length > 1,
    notes,
  };
}

function stageView(s: StageAidFacts, stats: YearlyStats, terms: Terms) {
  const programmes = s.programmes.map((p) => programmeView(p, stats, terms));
  return { stage: s.stage, label: STAGE_LABELS[s.stage], single: programmes.length === 1, programmes, total: yuan(s.total) };
}

function coverageText(facts: Facts, terms: Terms): string | null {
  const grouped = facts.coverage.filter((c) => c.group);
  if (grouped.length === 0) return null;
  const lowest = grouped.reduce((a, b) => (a.aided * b.eligible <= b.aided * a.eligible ? a : b));
  const names = [...new Set(grouped.map((c) => terms.groups[c.group!]))].join('和');
  if (grouped.every((c) => c.aided >= c.eligible)) return `${names}资助实现全覆盖`;
  return `${names}资助覆盖率最低为${formatPercent(lowest.aided, lowest.eligible)}`;
}

/** How a project's progress reads in prose. */
const STATUS_PHRASES: Record<ProjectStatus, string> = {
  accepted: '已通过竣工验收并投入使用',
  completed: '已完工',
  started: '已开工建设',
  planned: '已列入建设规划',
};

/** The project's kind as prose names it after the school: "运动场建设项目"; no "某幼儿园幼儿园建设". */
function kindPhrase(kind: ProjectKind, school: string): string {
  const label = PROJECT_KIND_LABELS[kind];
  if (kind === 'kindergarten' && school.endsWith('幼儿园')) return '建设项目';
  return `${label}项目`;
}

function projectsView(stats: YearlyStats, facts: Facts) {
  const p = facts.projects;
  if (!p) return null;
  const sources = (Object.keys(FUNDING_LABELS) as FundingSource[]).flatMap((source) => {
    const fen = p.bySourceFen[source];
    return fen ? [{ label: FUNDING_LABELS[source], amount: fen / 100 }] : [];
  });
  // One line per status and kind: "常山小学、沙河小学和大柳初中三所学校运动场建设已通过竣工验收".
  const order: ProjectStatus[] = ['accepted', 'completed', 'started', 'planned'];
  const progress = order.flatMap((status) => {
    const byKind = new Map<string, string[]>();
    for (const project of p.byStatus[status] ?? []) {
      // TODO(issue 11): projects of several or unnamed schools, and of a whole programme.
      const schools = project.school ? [project.school] : (project.schools ?? []);
      const kind = project.name ?? kindPhrase(project.kind, schools[0] ?? '');
      byKind.set(kind, [...(byKind.get(kind) ?? []), ...schools]);
    }
    return [...byKind].map(([kind, schools]) => ({
      kind,
      schools: [...new Set(schools)],
      count: new Set(schools).size,
      one: new Set(schools).size === 1,
      /** Beyond five schools a list stops reading well; the count stands alone. */
      many: new Set(schools).size > 5,
      status: STATUS_PHRASES[status],
    }));
  });
  const programmes = [...new Set(stats.projects.flatMap((x) => (x.programme ? [x.programme] : [])))];
  return { count: p.count, schools: p.schools, area: p.area || null, investment: p.investmentFen / 100 || null, sources, progress, programmes };
}

export interface ViewTables {
  aid: string | null;
  projects: string | null;
  trainings: string | null;
}

export function buildView(stats: YearlyStats, facts: Facts, terms: Terms, tables: ViewTables) {
  const { self, scope } = voice(stats);
  const org = stats.organisation;
  const e = facts.enrolment;
  const opening = stats.opening ? paragraphsOf(stats.opening) : [];
  const change = facts.change;
  const trainings = facts.trainings;
  const d = stats.dropout;
  return {
    year: stats.year,
    title: stats.title ?? null,
    subtitle: stats.subtitle ?? null,
    org: {
      name: org.name,
      kind: org.kind,
      kindLabel: ORG_KIND_LABELS[org.kind],
      isBureau: org.kind === 'bureau',
      region: org.region ?? null,
      parent: org.parent ?? null,
    },
    self,
    scope,
    terms,
    opening,
    /** The user's opening already ends with the lead-in "……如下：". */
    openingHasLead: /如下[：:]$/.test(opening[opening.length - 1] ?? ''),
    enrolment: e
      ? {
          ...e,
          stages: e.stages.map((s) => ({
            label: STAGE_LABELS[s.stage],
            schoolLabel: SCHOOL_LABELS[s.stage],
            isPreschool: s.stage === 'preschool',
            schools: s.schools ?? null,
            teachingPoints: s.teachingPoints ?? null,
            classes: s.classes ?? null,
            students: s.students,
          })),
        }
      : null,
    groups: facts.groups.map((g) => ({
      label: g.name ?? terms.groups[g.group],
      semester: g.semester ? SEMESTER_LABELS[g.semester] : null,
      stages: g.stages.map((s) => ({ label: STAGE_LABELS[s.stage], students: s.students })),
      several: g.stages.length > 1,
      students: g.students,
      outOfCounty: g.outOfCounty ?? null,
    })),
    aid: facts.aid.stages.length
      ? {
          stages: facts.aid.stages.map((s) => stageView(s, stats, terms)),
          total: yuan(facts.aid.total),
          coverage: coverageText(facts, terms),
          change: change.aidFen ? formatAmountChange(change.aidFen.current / 100, change.aidFen.previous / 100) : null,
          studentsChange: change.aidStudents ? formatChange(change.aidStudents.current, change.aidStudents.previous, '人次') : null,
        }
      : null,
    dropout: d
      ? {
          checked: d.checked ?? null,
          households: d.households ?? null,
          found: d.found,
          returned: d.returned,
          homeTaught: d.homeTaught,
          reasons: d.reasons,
          noneForPoverty: d.noneForPoverty,
        }
      : null,
    pairing: stats.pairing
      ? {
          teachers: stats.pairing.teachers ?? null,
          students: stats.pairing.students ?? null,
          homeVisits: stats.pairing.homeVisits ?? null,
        }
      : null,
    supportTeaching: stats.supportTeaching
      ? { teachers: stats.supportTeaching.teachers, names: stats.supportTeaching.names ?? [], destinations: stats.supportTeaching.destinations ?? [] }
      : null,
    recruitment: stats.recruitment
      ? {
          teachers: stats.recruitment.teachers,
          rural: stats.recruitment.rural ?? null,
          publicFundedGraduates: stats.recruitment.publicFundedGraduates ?? null,
          publicFundedPlan: stats.recruitment.publicFundedPlan ?? null,
        }
      : null,
    trainings: trainings
      ? {
          sessions: trainings.sessions,
          participants: trainings.participants,
          several: stats.trainings.length > 1,
          list: stats.trainings.map((t) => ({
            audience: t.audienceName ?? AUDIENCE_LABELS[t.audience],
            title: t.title,
            sessions: t.sessions,
            participants: t.participants,
          })),
          change: change.trainingParticipants ? formatChange(change.trainingParticipants.current, change.trainingParticipants.previous, '人次') : null,
        }
      : null,
    projects: projectsView(stats, facts),
    targetedEnrolment: stats.targetedEnrolment
      ? { vocational: stats.targetedEnrolment.vocational ?? null, specialPlan: stats.targetedEnrolment.specialPlan ?? null, note: stats.targetedEnrolment.note ?? null }
      : null,
    publicity: stats.publicity ? { materials: stats.publicity.materials ?? null, kinds: stats.publicity.kinds, channels: stats.publicity.channels } : null,
    donations: stats.donations
      ? { amount: stats.donations.amount ?? null, students: stats.donations.students ?? null, donors: stats.donations.donors }
      : null,
    // TODO(issue 11): place the data sections a measure names ({ section }) where it stands.
    measures: stats.measures.flatMap((m) => ('text' in m ? [{ title: m.title, paragraphs: paragraphsOf(m.text) }] : [])),
    highlights: stats.highlights.flatMap(paragraphsOf),
    problems: stats.problems.flatMap(paragraphsOf),
    plans: stats.plans.flatMap(paragraphsOf),
    report: stats.report,
    tables,
  };
}

export type View = ReturnType<typeof buildView>;
