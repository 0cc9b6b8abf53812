import type { YearlyStatsInput } from '../node/index.js';

export type StarterKind = 'school' | 'bureau';

/**
 * A starter stats.json: every common section filled with plausible figures
 * and 某某 names, so it validates, drafts and shows what goes where. The
 * figures agree with each other (parts add up, amounts match standards), so
 * a fresh file's only warnings are the 某某 blanks, each named by its field:
 * proofreading flags them until the user writes in their own names.
 */
export function starterStats(kind: StarterKind, year: number, schema: string): YearlyStatsInput & { $schema: string } {
  return kind === 'bureau' ? bureau(year, schema) : school(year, schema);
}

function school(year: number, $schema: string): YearlyStatsInput & { $schema: string } {
  return {
    $schema,
    year,
    organisation: { name: '某某县某某镇中心小学', kind: 'school', region: '某某省某某市某某县某某镇', parent: '某某县教育局' },
    enrolment: {
      stages: [
        { stage: 'preschool', classes: 3, students: 72 },
        { stage: 'primary', classes: 12, students: 436 },
      ],
    },
    aidedGroups: [
      { group: 'relieved', byStage: { preschool: 5, primary: 28 } },
      { group: 'monitored', byStage: { primary: 4 } },
    ],
    aid: [
      { stage: 'preschool', programme: 'preschoolAid', period: 'spring', students: 5, amount: 2500, standard: 500 },
      { stage: 'preschool', programme: 'preschoolAid', period: 'autumn', students: 6, amount: 3000, standard: 500 },
      { stage: 'primary', programme: 'boardingSubsidy', period: 'spring', students: 12, amount: 6000, standard: 500 },
      { stage: 'primary', programme: 'boardingSubsidy', period: 'autumn', students: 14, amount: 7000, standard: 500 },
      { stage: 'primary', programme: 'nutrition', period: 'spring', students: 436, amount: 218000 },
      { stage: 'primary', programme: 'nutrition', period: 'autumn', students: 436, amount: 218000 },
    ],
    dropout: { checked: 436, found: 0, returned: 0, homeTaught: 0 },
    pairing: { teachers: 26, students: 32, homeVisits: 96 },
    publicity: { materials: 500, kinds: ['资助政策明白纸', '致家长的一封信'], channels: ['家长会', '班级微信群', '宣传栏'] },
    measures: [
      {
        title: '严格程序，规范管理',
        text: '每学期开学初由班主任通过家访摸清学生家庭经济情况，经家长申请、教师走访、评审小组评议、校内公示后上报，资助档案逐项归档。',
      },
    ],
    highlights: ['资助资金按时足额发放到位，无一名学生因家庭经济困难而失学。'],
    problems: ['部分家长对资助政策了解不够全面，少数外出务工家庭的申请材料收集不及时。'],
    plans: ['进一步加大政策宣传和教师走访力度，精准掌握学生家庭情况，做到应助尽助。'],
    signature: { date: `${year}-12-20` },
  };
}

function bureau(year: number, $schema: string): YearlyStatsInput & { $schema: string } {
  return {
    $schema,
    year,
    organisation: { name: '某某县教育局', kind: 'bureau', region: '某某省某某市某某县', parent: '某某市教育局' },
    opening: `${year}年，我局坚持把教育帮扶作为阻断贫困代际传递的根本之策，健全学生资助政策体系，扎实做好控辍保学、改善办学条件和教师队伍建设等工作。`,
    enrolment: {
      stages: [
        { stage: 'preschool', schools: 30, students: 6200 },
        { stage: 'primary', schools: 40, teachingPoints: 12, students: 18500 },
        { stage: 'junior', schools: 12, students: 8600 },
        { stage: 'senior', schools: 3, students: 4100 },
      ],
    },
    aidedGroups: [
      { group: 'relieved', semester: 'spring', byStage: { preschool: 210, primary: 1300, junior: 720, senior: 260 } },
      { group: 'monitored', semester: 'spring', byStage: { preschool: 40, primary: 260, junior: 150, senior: 55 } },
    ],
    aid: [
      { stage: 'preschool', programme: 'preschoolAid', period: 'spring', students: 250, amount: 125000, standard: 500 },
      { stage: 'preschool', programme: 'preschoolAid', period: 'autumn', students: 262, amount: 131000, standard: 500 },
      { stage: 'compulsory', programme: 'boardingSubsidy', period: 'spring', students: 320, amount: 172000 },
      { stage: 'compulsory', programme: 'boardingSubsidy', period: 'autumn', students: 335, amount: 180500 },
      { stage: 'compulsory', programme: 'nutrition', period: 'spring', students: 20600, amount: 10300000 },
      { stage: 'compulsory', programme: 'nutrition', period: 'autumn', students: 20750, amount: 10375000 },
      { stage: 'senior', programme: 'nationalGrant', period: 'spring', students: 410, amount: 471500, standard: 1150 },
      { stage: 'senior', programme: 'nationalGrant', period: 'autumn', students: 412, amount: 473800, standard: 1150 },
      { stage: 'senior', programme: 'tuitionWaiver', period: 'spring', students: 120, amount: 48000 },
      { stage: 'senior', programme: 'tuitionWaiver', period: 'autumn', students: 118, amount: 47200 },
    ],
    dropout: { checked: 27100, households: 12, found: 12, returned: 4, homeTaught: 6, reasons: [{ reason: '已在外地就读', students: 2 }] },
    projects: [
      { school: '某某镇中心小学', kind: 'playground', programme: '校舍维修改造', area: 4200, funding: { provincial: 1000000 }, status: 'accepted', date: `${year}-09-15` },
      { school: '某某乡初级中学', kind: 'renovation', programme: '校舍维修改造', area: 1500, funding: { central: 360000 }, status: 'completed' },
    ],
    recruitment: { teachers: 120, rural: 90 },
    trainings: [
      { audience: 'teachers', title: '新课标与课堂教学能力提升', sessions: 4, participants: 860, date: `${year}-07-15` },
      { audience: 'principals', title: '学校管理与资助育人', sessions: 1, participants: 120, date: `${year}-08-20` },
    ],
    pairing: { teachers: 1200, students: 2490, homeVisits: 3100 },
    publicity: { materials: { value: 5000, approx: 'over' }, kinds: ['资助政策明白纸', '致家长的一封信'], channels: ['家长会', '微信群'] },
    highlights: ['各学段家庭经济困难学生资助做到应助尽助，义务教育巩固率保持在98%以上。'],
    problems: ['一是部分村小和教学点办学条件仍然薄弱；二是农村学校英语、科学等学科专任教师紧缺。'],
    plans: ['一是健全防止返贫致贫监测帮扶机制，确保应助尽助。', '二是继续实施农村学校校舍维修改造，加强乡村教师队伍建设。'],
    signature: { date: `${year}-12-20` },
  };
}
