import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { version } from '../../package.json';
// Commands load when they run, so --help and --version need not load docx,
// pdfmake and fontkit (about a second of start-up).
import type { ConvertOptions } from './commands/convert.js';
import type { AggregateCommandOptions } from './commands/aggregate.js';
import type { DraftCommandOptions } from './commands/draft.js';
import type { FontsCommandOptions } from './commands/fonts.js';
import type { InitOptions } from './commands/init.js';
import type { ServeCommandOptions } from './commands/serve.js';
import { describeError, EXIT } from './errors.js';
import { FONT_ROLES, parseFont, parseFormats } from './options.js';
import { stdio, type Output } from './output.js';
import { displayWidth } from './width.js';

/**
 * Runs the command line and returns the exit code: 0 done, 1 an input or
 * file failed, 2 a usage error (unknown command or option, bad value).
 */
export async function run(argv: readonly string[], output: Output = stdio): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(output, (c) => (code = c));
  try {
    await program.parseAsync(argv as string[]);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help asked for exits 0; help shown because no command was given is a usage error.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      if (error.code === 'commander.help' && error.exitCode === 0) return EXIT.ok;
      return EXIT.usage;
    }
    describeError(error).forEach((line, i) => output.err(i === 0 ? `✗ ${line}` : line));
    return EXIT.failed;
  }
}

function buildProgram(output: Output, exit: (code: number) => void): Command {
  const program = new Command('zongjie')
    .description(bi('把年度教育帮扶统计数据生成规范的工作总结（DOCX、PDF、Markdown）', 'Yearly education-aid statistics → standardized work summaries (DOCX, PDF, Markdown)'))
    .version(version, '-v, --version', bi('显示版本', 'show the version'))
    .helpOption('-h, --help', bi('显示帮助', 'show help'))
    .helpCommand('help [command]', bi('显示某个命令的帮助', 'show help for a command'))
    .configureHelp({ displayWidth })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
      // Commander's own errors: usage mistakes, said in both languages.
      outputError: (text, write) => write(`✗ 用法错误 / usage error: ${text.replace(/^error: /, '')}`),
    })
    .addHelpText(
      'after',
      `
示例 / Examples:
  zongjie init stats.json                  生成一份示例数据 / write a starter stats.json
  zongjie init --kind school stats.xlsx    生成填报用的 Excel 工作簿 / a workbook to fill in
  zongjie validate stats.json              检查数据 / check the data
  zongjie draft stats.json -o out          生成 DOCX、PDF、Markdown / draft all three formats
  zongjie draft data/ -f docx -o out       批量生成 Word / a Word file for every data/*.json
  zongjie aggregate schools/ --org bureau.json -o county.json   汇总各校数据 / add up the schools
  zongjie fonts                            下载 PDF 用的默认字体（一次）/ fetch the PDF's default fonts (once)`,
    );
  usageHint(program, 'zongjie --help');

  const draft = program
    .command('draft')
    .description(bi('生成工作总结', 'draft the work summaries'))
    .argument('<inputs...>', bi('统计数据文件（.json、.xlsx 或 .xls）或目录（目录下所有这些文件）', 'stats files (.json, .xlsx or .xls) or directories (every such file in them)'))
    .option('-o, --out <dir>', bi('输出目录（缺省为当前目录）', 'output directory (default: the current directory)'))
    .option('-f, --formats <list>', bi('输出格式，逗号分隔：docx,pdf,md（缺省为全部）', 'formats, comma-separated: docx,pdf,md (default: all three)'), parseFormats)
    .option('-t, --template <name|dir>', bi('模板：school、bureau 或模板目录（缺省按单位类型）', 'template: school, bureau or a template directory (default: by organisation kind)'))
    .option(
      '--font <role=file>',
      bi(
        '用于PDF的字体文件，可重复，依次后备',
        `a font file for the PDF, repeatable; a role given twice is a fallback chain; a face in a collection is file.ttc#PostScriptName. Roles: ${FONT_ROLES.join(', ')}`,
      ),
      parseFont,
    )
    .option('--timeout <seconds>', bi('每份最长生成时间（秒），超时的一份失败，其余照常', 'longest one draft may take, in seconds; a draft over time fails alone'), parseSeconds)
    .addHelpText(
      'after',
      `
文件以报告标题命名；批量中标题相同的，加上输入文件名以示区别。
同名旧文件会被替换，但写入是原子的：出错时不会留下残缺文件。
Files are named after the report title; inputs in a batch that share a title
add their own file name. A file of the same name is replaced atomically: a
failure never leaves a broken or half-written file.

示例 / Examples:
  zongjie draft stats.json
  zongjie draft a.json b.json -o out -f docx,pdf
  zongjie draft data/ -o out --font body=fonts/FangSong.ttf --font title=fonts/XiaoBiaoSong.ttf
  zongjie draft stats.json --font "body=C:/Windows/Fonts/simsun.ttc#SimSun"`,
    )
    .action(async (inputs: string[], options: DraftCommandOptions) => exit(await (await import('./commands/draft.js')).draftCommand(inputs, options, output)));
  usageHint(draft, 'zongjie draft --help');

  const validate = program
    .command('validate')
    .description(bi('检查统计数据，列出所有问题', 'check stats files and list every problem'))
    .argument('<inputs...>', bi('统计数据文件或目录', 'stats files or directories'))
    .action(async (inputs: string[]) => exit(await (await import('./commands/validate.js')).validateCommand(inputs, output)));
  usageHint(validate, 'zongjie validate --help');

  const init = program
    .command('init')
    .description(bi('生成一份可编辑的示例数据：stats.json，或填报用的工作簿 stats.xlsx', 'write a starter stats.json to edit, or a workbook to fill in (stats.xlsx)'))
    .argument('[file]', bi('文件名（扩展名决定格式：.json 或 .xlsx）', 'file name (the extension picks the format: .json or .xlsx)'), 'stats.json')
    .addOption(new Option('-k, --kind <kind>', bi('单位类型：学校或教育局', 'organisation kind')).choices(['school', 'bureau']).default('school'))
    .option('-y, --year <year>', bi('报告年度（缺省为今年）', 'report year (default: this year)'), parseYear)
    .option('--force', bi('覆盖已有文件', 'overwrite an existing file'))
    .action(async (file: string, options: InitOptions) => exit(await (await import('./commands/init.js')).initCommand(file, options, output)));
  usageHint(init, 'zongjie init --help');

  const convert = program
    .command('convert')
    .description(bi('在 JSON 和 Excel 工作簿之间转换统计数据', 'convert stats between JSON and an Excel workbook'))
    .argument('<from>', bi('输入文件（.json 或 .xlsx）', 'input file (.json or .xlsx)'))
    .argument('<to>', bi('输出文件（.xlsx 或 .json）', 'output file (.xlsx or .json)'))
    .addOption(new Option('-k, --kind <kind>', bi('工作簿的工作表：学校或教育局（缺省按单位类型）', 'the workbook\'s sheets (default: by organisation kind)')).choices(['school', 'bureau']))
    .option('--force', bi('覆盖已有文件', 'overwrite an existing file'))
    .addHelpText(
      'after',
      `
示例 / Examples:
  zongjie convert stats.json stats.xlsx    把 JSON 排成工作簿 / lay JSON out in a workbook
  zongjie convert 填报.xlsx stats.json      把工作簿读成 JSON / read a workbook into JSON`,
    )
    .action(async (from: string, to: string, options: ConvertOptions) => exit(await (await import('./commands/convert.js')).convertCommand(from, to, options, output)));
  usageHint(convert, 'zongjie convert --help');
  const aggregate = program
    .command('aggregate')
    .description(bi('把各校的统计数据汇总为全县（区）的统计数据', "add up the schools' stats into the county's"))
    .argument('<inputs...>', bi('各校统计数据文件（.json、.xlsx 或 .xls）或目录（目录下所有这些文件）', "the schools' stats files (.json, .xlsx or .xls) or directories (every such file in them)"))
    .requiredOption('--org <file>', bi('汇总单位（教育局）自己的统计数据：单位、年度、文字和本级数据', "the aggregating bureau's own stats: organisation, year, text and its own figures"))
    .option('-o, --out <file>', bi('输出文件 county.json 或 county.xlsx（缺省以 JSON 输出到标准输出）', 'the output file, county.json or county.xlsx (default: JSON on stdout)'), parseOutputFile)
    .option('--previous <dir|file>', bi('上年各校数据的目录，或上年的汇总结果，用于同比', "last year's school files (a directory) or last year's aggregate, for the year-over-year change"))
    .option('--highlights', bi('在附件中列出各校的工作亮点', "list each school's highlights in an appendix"))
    .addHelpText(
      'after',
      `
逐个读取文件，数千所学校也不会占用过多内存。任何一个文件无效，都会列出并且不写出结果；
警告（未计入的文件、不相符的合计）注明所涉文件，不影响写出。
Files are read one at a time, so thousands of schools take little memory. If any file
is invalid, every one is named and nothing is written; warnings (files left out,
totals that differ) name their files and do not stop the run.

示例 / Examples:
  zongjie aggregate schools/ --org bureau.json -o county.json
  zongjie aggregate schools/ --org bureau.json --previous schools-2024/ -o county.json
  zongjie draft county.json -o out`,
    )
    .action(async (inputs: string[], options: AggregateCommandOptions) => exit(await (await import('./commands/aggregate.js')).aggregateCommand(inputs, options, output)));
  usageHint(aggregate, 'zongjie aggregate --help');

  const schema = program
    .command('schema')
    .description(bi('输出 stats.json 的 JSON Schema', 'print the JSON Schema of stats.json'))
    .action(async () => exit((await import('./commands/schema.js')).schemaCommand(output)));
  usageHint(schema, 'zongjie schema --help');

  const fonts = program
    .command('fonts')
    .description(bi('下载 PDF 用的默认字体到字体缓存（只需一次）', "fetch the PDF's default fonts into the font cache (once)"))
    .option('--check', bi('只检查：列出每个默认字体来自哪里，不下载', 'only check: say where each default font comes from, fetch nothing'))
    .addHelpText(
      'after',
      `
用 npm pack 取得三个锁定版本的字体包（遵从 .npmrc 中的镜像和代理），校验后只保留用到的
四个文件（约 50 MB），其余丢弃。已安装字体包时优先使用字体包。
ZONGJIE_FONT_CACHE=<目录> 指定字体缓存的位置。
Gets the three pinned font packages with npm pack (so the registry mirror and
proxy in .npmrc apply), checks them against pinned digests, and keeps only the
four files used (about 50 MB). Installed font packages are used first.
ZONGJIE_FONT_CACHE=<dir> sets where the font cache is.

示例 / Examples:
  npx zongjie fonts
  npx zongjie fonts --check`,
    )
    .action(async (options: FontsCommandOptions) => exit(await (await import('./commands/fonts.js')).fontsCommand(options, output)));
  usageHint(fonts, 'zongjie fonts --help');

  const serve = program
    .command('serve')
    .description(bi('启动本机网页和 HTTP 接口', 'start the local web page and HTTP API'))
    .option('--host <host>', bi('监听地址（缺省仅本机）', 'address to listen on (default: this machine only)'), '127.0.0.1')
    .option('-p, --port <port>', bi('端口，0 为任意空闲端口', 'port; 0 picks any free port'), parseWhole('port', 0, 65535), 8080)
    .option('--open', bi('启动后打开浏览器', 'open a browser once started'))
    .option('-t, --template <name|dir>', bi('模板：school、bureau 或模板目录', 'template: school, bureau or a template directory'))
    .option('--font <role=file>', bi('用于PDF的字体文件，可重复', 'a font file for the PDF, repeatable (as for draft)'), parseFont)
    .option('--workers <n>', bi('生成用的线程数（缺省为CPU核数）', 'drafting threads (default: the CPU cores)'), parseWhole('workers', 1, 64))
    .option('--queue <n>', bi('排队上限，超出时回复 503', 'drafts that may wait; more are answered 503'), parseWhole('queue', 0, 10_000))
    .option('--timeout <seconds>', bi('每份生成的时限（秒）', 'time limit per draft, in seconds'), parseWhole('timeout', 1, 3600), 60)
    .option('--max-body <MB>', bi('上传文件大小上限（MB）', 'largest upload, in MB'), parseWhole('max-body', 1, 1024), 10)
    .addHelpText(
      'after',
      `
模板和字体只能在命令行指定，不能通过网页上传。
Templates and fonts are set here only, never uploaded.

示例 / Examples:
  zongjie serve --open
  zongjie serve --port 0 -t my-template/`,
    )
    .action(async (options: ServeCommandOptions) => exit(await (await import('./commands/serve.js')).serveCommand(options, output)));
  usageHint(serve, 'zongjie serve --help');

  return program;
}

/** Help text in both languages: Chinese first, English on the next line. */
const bi = (zh: string, en: string) => `${zh}\n${en}`;

/** After a usage error, one line saying where help is. */
function usageHint(command: Command, help: string): void {
  command.showHelpAfterError(`  运行 ${help} 查看用法 / run ${help} for usage`);
}

/** `-o`: the county's stats as JSON (a workbook comes with the XLSX writer). */
function parseOutputFile(value: string): string {
  if (!/\.(json|xlsx)$/i.test(value)) throw new InvalidArgumentError('输出文件应为 .json 或 .xlsx / the output file must be .json or .xlsx');
  return value;
}

/** A whole number from `min` to `max`, for an option named `name`. */
function parseWhole(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`--${name} 应为 ${min}–${max} 的整数 / a whole number from ${min} to ${max}`);
    return n;
  };
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(seconds > 0) || seconds > 2_000_000) throw new InvalidArgumentError('应为正数秒，如 60 / a positive number of seconds, such as 60');
  return seconds;
}

function parseYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 2000 || year > 2100) throw new InvalidArgumentError('年度应为 2000–2100 的四位数 / a year from 2000 to 2100');
  return year;
}
