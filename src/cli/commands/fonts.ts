import { basename } from 'node:path';
import { GET_FONTS_HINT } from '../../node/fonts/error.js';
import { installDefaultFonts, type InstalledFonts, type InstallProgress } from '../../node/fonts/install.js';
import { defaultFontSources } from '../../node/fonts/sources.js';
import { EXIT } from '../errors.js';
import { createProgress, stdio, type Output, type Progress } from '../output.js';

export interface FontsCommandOptions {
  check?: boolean;
}

/**
 * `zongjie fonts`: the four default font files fetched once into the font
 * cache (npm pack of the three pinned packages, the rest discarded), so a
 * PDF can be drafted where the font packages are not installed.
 * `--check` says where each default font comes from, and fetches nothing.
 */
export async function fontsCommand(options: FontsCommandOptions, output: Output = stdio): Promise<number> {
  return options.check ? check(output) : install(output);
}

async function install(output: Output): Promise<number> {
  const started = performance.now();
  let progress: Progress | undefined;
  let print = output;
  const onProgress = (event: InstallProgress) => {
    switch (event.stage) {
      case 'present':
        print.out(`✓ ${event.font.label}: 已在字体缓存中 / already in the font cache (${megabytes(event.font.bytes)})`);
        break;
      case 'fetching':
        progress ??= createProgress(event.count, output);
        print = progress.output;
        progress.start(event.package.name);
        print.out(`[${event.index}/${event.count}] 下载 / fetching ${event.package.name}@${event.package.version} (${megabytes(event.package.size)}) …`);
        break;
      case 'fetched':
        print.out(`      已下载，用时 ${seconds(event.ms)} / fetched in ${seconds(event.ms)}`);
        progress?.done();
        break;
      case 'kept':
        print.out(`      ✓ ${event.font.label}: ${basename(event.path)} (${megabytes(event.font.bytes)})`);
        break;
    }
  };
  let result: InstalledFonts;
  try {
    result = await installDefaultFonts({ onProgress });
  } finally {
    progress?.stop();
  }
  const kept = megabytes(result.fonts.reduce((sum, { font }) => sum + font.bytes, 0));
  const took = seconds(performance.now() - started);
  const [zh, en] = result.packedBytes ? [`；下载 ${megabytes(result.packedBytes)}，用时 ${took}`, `; ${megabytes(result.packedBytes)} fetched in ${took}`] : ['', ''];
  output.out(`✓ 默认字体已就绪：${result.fonts.length} 个文件，${kept}${zh} / default fonts ready: ${result.fonts.length} files, ${kept}${en}`);
  output.out(`  ${result.dir}`);
  return EXIT.ok;
}

async function check(output: Output): Promise<number> {
  const { cacheDir, fonts } = await defaultFontSources();
  output.out('默认字体（PDF）/ default fonts (PDF):');
  for (const source of fonts) {
    const roles = source.roles.length ? source.roles.join(', ') : 'fallback';
    output.out(`${source.used ? '✓' : '✗'} ${source.font.label} (${roles})`);
    if (source.installed) output.out(`    npm 包 / package: ${source.installed}${source.used === source.installed ? '  ← 使用 / used' : ''}`);
    if (source.fetched) {
      const state = source.fetched.intact ? '完好 / intact' : '已损坏，请重新运行 npx zongjie fonts / damaged: run `npx zongjie fonts` again';
      output.out(`    缓存 / cache: ${source.fetched.path} (${state})${source.used === source.fetched.path ? '  ← 使用 / used' : ''}`);
    }
    if (!source.used) output.out('    未找到 / not found');
  }
  output.out(`字体缓存 / font cache: ${cacheDir ?? '已关闭 / off (ZONGJIE_FONT_CACHE=off)'}`);
  const missing = fonts.filter((s) => !s.used || (s.used === s.fetched?.path && !s.fetched.intact));
  if (missing.length === 0) return EXIT.ok;
  output.err(`✗ ${missing.length} 个默认字体不可用；系统字体或 --font 指定的字体仍可生成 PDF / ${missing.length} default fonts unavailable; system fonts or --font can still make the PDF`);
  output.err(GET_FONTS_HINT);
  return EXIT.failed;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
