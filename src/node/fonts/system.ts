import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { FontRole } from '../../layout/profile.js';
import { fileExists } from './read.js';

/** A font file on this machine, with the face to use when it is a collection. */
export interface SystemFont {
  path: string;
  postscriptName?: string;
}

type Candidates = Partial<Record<FontRole, SystemFont[]>>;

const FAMILY_SONG_BODY: FontRole[] = ['body', 'heading3', 'heading4', 'table'];

/**
 * Where Windows and macOS keep the conventional fonts. Paths that do not
 * exist are skipped, and every font found is checked before use (load.ts).
 * The macOS names are best effort: they were not verified on a Mac here.
 */
function knownPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): Candidates {
  if (platform === 'win32') {
    const dirs = [join(env.WINDIR ?? 'C:\\Windows', 'Fonts'), ...(env.LOCALAPPDATA ? [join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts')] : [])];
    const at = (file: string, postscriptName?: string) => dirs.map((dir) => ({ path: join(dir, file), ...(postscriptName ? { postscriptName } : {}) }));
    return {
      ...forEach(FAMILY_SONG_BODY, [...at('FS_GB2312.ttf'), ...at('simfang.ttf')]),
      heading1: at('simhei.ttf'),
      heading2: [...at('KT_GB2312.ttf'), ...at('simkai.ttf')],
      title: [...at('FZXBSJW.TTF'), ...at('方正小标宋简体.ttf')],
      pageNumber: at('simsun.ttc', 'SimSun'),
    };
  }
  if (platform === 'darwin') {
    const sys = '/System/Library/Fonts';
    const sup = `${sys}/Supplemental`;
    return {
      ...forEach(FAMILY_SONG_BODY, [{ path: `${sup}/STFANGSO.ttf` }, { path: '/Library/Fonts/华文仿宋.ttf' }]),
      heading1: [{ path: `${sys}/STHeiti Medium.ttc`, postscriptName: 'STHeitiSC-Medium' }],
      heading2: [{ path: `${sup}/STKAITI.ttf` }, { path: '/Library/Fonts/华文楷体.ttf' }],
      title: [{ path: `${sup}/Songti.ttc`, postscriptName: 'STSongti-SC-Black' }],
      pageNumber: [{ path: `${sup}/Songti.ttc`, postscriptName: 'STSongti-SC-Regular' }],
    };
  }
  return {};
}

/** fontconfig families per role, most wanted first (Linux, and macOS with fontconfig). */
const NOTO_SERIF = /^(Noto Serif CJK SC|Source Han Serif (SC|CN))$/;
const NOTO_SANS = /^(Noto Sans CJK SC|Source Han Sans (SC|CN))$/;
const REGULAR = [/^Regular$/];

interface Want {
  family: RegExp;
  /** Styles in order of preference (default: any). */
  styles?: RegExp[];
}

/** The conventional office fonts, by the family names fontconfig gives them. */
const CONVENTIONAL: Record<FontRole, Want[]> = {
  title: [{ family: /FZXiaoBiaoSong|小标宋/ }],
  body: [{ family: /^(FangSong|FangSong_GB2312|仿宋|仿宋_GB2312|STFangsong)$/ }],
  heading1: [{ family: /^(SimHei|黑体|STHeiti)$/ }],
  heading2: [{ family: /^(KaiTi|KaiTi_GB2312|楷体|楷体_GB2312|STKaiti)$/ }],
  heading3: [],
  heading4: [],
  table: [],
  pageNumber: [{ family: /^(SimSun|宋体|Songti SC)$/, styles: REGULAR }],
};

/** Open Chinese fonts a Linux system may have (Noto CJK, Source Han, AR PL, WenQuanYi). */
const OPEN: Record<FontRole, Want[]> = {
  title: [{ family: NOTO_SERIF, styles: [/^Bold$/, /^(Black|Heavy)$/, /^SemiBold$/] }],
  body: [{ family: NOTO_SERIF, styles: REGULAR }, { family: /^AR PL UMing CN$/ }],
  heading1: [{ family: NOTO_SANS, styles: [/^Medium$/, /^Regular$/] }, { family: /^WenQuanYi (Zen|Micro) Hei$/ }],
  heading2: [{ family: /^AR PL UKai CN$/ }, { family: /^LXGW WenKai$/, styles: REGULAR }],
  heading3: [],
  heading4: [],
  table: [],
  pageNumber: [{ family: NOTO_SERIF, styles: REGULAR }],
};
for (const wanted of [CONVENTIONAL, OPEN]) wanted.heading3 = wanted.heading4 = wanted.table = wanted.body;

const ROLES = Object.keys(CONVENTIONAL) as FontRole[];

/** A line of `fc-list`. */
export interface ListedFont {
  path: string;
  families: string[];
  styles: string[];
  postscriptName: string;
}

/** Chinese fonts fontconfig knows, or none when fc-list is missing. */
function fcList(): Promise<ListedFont[]> {
  return new Promise((resolve) => {
    const format = '%{file}\\t%{family}\\t%{style}\\t%{postscriptname}\\n';
    execFile('fc-list', [':lang=zh', '--format', format], { timeout: 5000, maxBuffer: 8 << 20 }, (error, stdout) => {
      if (error) return resolve([]); // no fontconfig: known paths only
      resolve(
        stdout
          .split('\n')
          .filter(Boolean)
          .map((line) => {
            const [path = '', family = '', style = '', postscriptName = ''] = line.split('\t');
            return { path, families: family.split(','), styles: style.split(','), postscriptName };
          }),
      );
    });
  });
}

function matching(listed: ListedFont[], wanted: Record<FontRole, Want[]>): Candidates {
  const out: Candidates = {};
  for (const role of ROLES) {
    const found: SystemFont[] = [];
    for (const want of wanted[role]) {
      const family = listed.filter((font) => font.families.some((f) => want.family.test(f)));
      for (const style of want.styles ?? [/./]) {
        for (const font of family.filter((f) => f.styles.some((s) => style.test(s)))) {
          found.push({ path: font.path, ...(/\.(ttc|otc)$/i.test(font.path) ? { postscriptName: font.postscriptName } : {}) });
        }
      }
    }
    if (found.length > 0) out[role] = found;
  }
  return out;
}

export interface SystemCandidates {
  /** 仿宋, 黑体, 楷体, 宋体, 小标宋 as Windows and macOS name them: the look the DOCX asks for. */
  conventional: Candidates;
  /** Noto CJK, Source Han, AR PL, WenQuanYi: used only for a role the npm defaults do not cover. */
  open: Candidates;
}

/** Which listed fonts suit which role, in order of preference (files not checked). */
export function fromFontconfig(listed: ListedFont[]): SystemCandidates {
  return { conventional: matching(listed, CONVENTIONAL), open: matching(listed, OPEN) };
}

let cached: Promise<SystemCandidates> | undefined;

/**
 * System font candidates per role, looked up once per process: known paths
 * on Windows and macOS, then fontconfig. Only files that exist are listed.
 */
export function systemFonts(): Promise<SystemCandidates> {
  cached ??= (async () => {
    const listed = process.platform === 'win32' ? [] : await fcList();
    const known = knownPaths(process.platform, process.env);
    const fc = fromFontconfig(listed);
    return {
      conventional: present((role) => [...(known[role] ?? []), ...(fc.conventional[role] ?? [])]),
      open: present((role) => fc.open[role] ?? []),
    };
  })();
  return cached;
}

function present(candidates: (role: FontRole) => SystemFont[]): Candidates {
  const out: Candidates = {};
  for (const role of ROLES) {
    const found: SystemFont[] = [];
    for (const font of candidates(role)) {
      if (found.some((p) => p.path === font.path && p.postscriptName === font.postscriptName)) continue;
      if (fileExists(font.path)) found.push(font);
    }
    if (found.length > 0) out[role] = found;
  }
  return out;
}

function forEach(roles: FontRole[], fonts: SystemFont[]): Candidates {
  return Object.fromEntries(roles.map((role) => [role, fonts]));
}
