// The page's script: plain DOM, no framework, no build step. Everything the
// user wrote reaches the page through textContent and form values, never as HTML.

/** @typedef {{ severity: 'error' | 'warning', code: string, where: string, location?: any, expected?: string, received?: string, message: { zh: string, en: string }, field?: string }} Problem */

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** The free-text fields the page edits, by the field path a problem names. */
const TEXT_FIELDS = {
  opening: { id: 'f-opening', label: '开头', list: false },
  highlights: { id: 'f-highlights', label: '工作成效与亮点', list: true },
  problems: { id: 'f-problems', label: '存在问题', list: true },
  plans: { id: 'f-plans', label: '下一步工作打算', list: true },
  closing: { id: 'f-closing', label: '结尾', list: false },
};

const SECTION_NAMES = {
  enrolment: '办学规模', aidedGroups: '受助群体', aid: '资助发放', trainings: '培训', projects: '项目建设',
  dropout: '控辍保学', pairing: '结对帮扶', supportTeaching: '支教', recruitment: '教师招聘',
  targetedEnrolment: '定向招生', publicity: '政策宣传', donations: '捐资助学', rates: '比率', achievements: '成效',
};

const state = {
  /** The stats input the server read from the file, edited in place by the form. */
  input: /** @type {any} */ (null),
  /** The name of the chosen file, for messages and for a re-upload's type. */
  fileName: '',
  /** What the text areas showed when filled, so only fields the user changed are written back. */
  shown: /** @type {Record<string, string>} */ ({}),
  pdfUrl: '',
  busy: false,
  /** Largest upload the server takes, from /api/capabilities. */
  maxBodyBytes: Infinity,
  /** Checks across the schools' files (bureau mode), shown with every draft's own warnings. */
  acrossFiles: /** @type {Problem[]} */ ([]),
  /**
   * Where each field is in the file the user chose (a JSON line, a workbook
   * cell), by field path, from its first draft: a redraft sends the edited
   * stats, not the file, so its places are looked up here.
   */
  places: /** @type {Map<string, any>} */ (new Map()),
};

init();

async function init() {
  const capabilities = await fetch('/api/capabilities').then((r) => r.json()).catch(() => null);
  if (capabilities?.inputs?.includes('xlsx')) {
    $('file-label').textContent = '选择工作簿（.xlsx）或 stats.json 文件';
    $('file').setAttribute('accept', '.xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    $('bureau-files').setAttribute('accept', $('file').getAttribute('accept'));
  }
  if (capabilities?.limits?.maxBodyBytes) state.maxBodyBytes = capabilities.limits.maxBodyBytes;
  if (capabilities?.blankWorkbook) $('workbook-downloads').hidden = false;
  if (capabilities?.bureau) $('bureau-section').hidden = false;

  $('file').addEventListener('change', () => {
    const file = /** @type {HTMLInputElement} */ ($('file')).files?.[0];
    if (file) openFile(file);
  });
  const drop = $('drop');
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    const file = event.dataTransfer?.files?.[0];
    if (file) openFile(file);
  });
  $('edit-form').addEventListener('submit', (event) => {
    event.preventDefault();
    redraft();
  });
  $('add-measure').addEventListener('click', () => {
    const row = measureRow({ title: '', text: '' }, $('measures').children.length);
    $('measures').append(row);
    row.querySelector('input')?.focus();
  });
  for (const button of document.querySelectorAll('.downloads button')) {
    button.addEventListener('click', () => downloadFormat(/** @type {HTMLElement} */ (button).dataset.format ?? 'pdf'));
  }
  $('bureau-form').addEventListener('submit', (event) => {
    event.preventDefault();
    aggregate();
  });
  document.body.dataset.ready = 'true';
}

/** A chosen or dropped file: drafted at once, so its problems, warnings and preview show together. */
async function openFile(file) {
  state.fileName = file.name;
  state.acrossFiles = [];
  if (file.size > state.maxBodyBytes) {
    return say(`“${file.name}”过大（${megabytes(file.size)} MB），上限为 ${megabytes(state.maxBodyBytes)} MB。`, true);
  }
  say(`正在读取“${file.name}”……`);
  const response = await post(`/api/preview?name=${encodeURIComponent(file.name)}`, file, file.type || 'application/octet-stream');
  if (response) await showPreview(response, true);
}

const megabytes = (bytes) => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');

/** The edited text written back into the stats, then drafted again. */
async function redraft() {
  if (!state.input) return;
  const input = applyEdits(structuredClone(state.input));
  say('正在重新生成……');
  const response = await post('/api/preview?name=stats.json', JSON.stringify(input), 'application/json');
  if (response) await showPreview(response, false);
}

/**
 * A draft's answer shown. `fresh`: the stats came from a file just chosen
 * (the editor is filled from them); `fromFile`: the places in the answer
 * are places in that file (not so for a county's stats drafted from the
 * schools' files).
 */
async function showPreview(response, fresh, fromFile = fresh) {
  const body = await response.json().catch(() => null);
  if (body && (response.ok || response.status === 422)) {
    const all = [...(body.problems ?? []), ...(body.warnings ?? [])];
    if (fromFile) state.places = new Map(all.filter((p) => p.location).map((p) => [p.where, p.location]));
    else if (fresh) state.places = new Map();
    if (!fromFile) for (const list of [body.problems, body.warnings]) list?.forEach((p, i) => (list[i] = placedInFile(p)));
  }
  if (response.ok) {
    state.input = body.input;
    if (fresh) fillEditor(body.input);
    showProblems([], body.warnings);
    showResult(body);
    say(body.warnings.length ? `已生成“${body.title}”，有 ${body.warnings.length} 条提示，请核对。` : `已生成“${body.title}”。`);
    return;
  }
  if (response.status === 422) {
    if (body.input) {
      state.input = body.input;
      if (fresh) fillEditor(body.input);
    }
    showProblems(body.problems ?? [], body.warnings ?? []);
    $('result-section').hidden = true;
    say(`数据有 ${body.problems.length} 处问题，请按下面的说明修改。`, true);
    $('problems-heading').focus();
    return;
  }
  failed(response, body);
}

/** Posts a body; on a refusal that is not about the data (413, 415, 503 …) says why and returns null. */
async function post(url, body, type) {
  if (state.busy) return null;
  state.busy = true;
  document.body.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': type } });
    if (response.ok || response.status === 422) return response;
    failed(response, await response.json().catch(() => null));
    return null;
  } catch {
    say('无法连接到服务器，请确认 zongjie serve 仍在运行。', true);
    return null;
  } finally {
    state.busy = false;
    document.body.removeAttribute('aria-busy');
  }
}

/** A problem at the place its field has in the user's file, or at none. */
function placedInFile(problem) {
  const { location, ...rest } = problem;
  const known = state.places.get(problem.where);
  return known ? { ...rest, location: known } : rest;
}

function failed(response, body) {
  const retry = response.headers.get('retry-after');
  const message = body?.error?.message?.zh ?? `请求失败（${response.status}）`;
  say(retry ? `${message}（${retry} 秒后可重试）` : message, true);
  if (body?.problems?.length) showProblems(body.problems, []);
}

function say(text, error = false) {
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('error', error);
}

// ——— problems ———

/** @param {Problem[]} problems @param {Problem[]} warnings */
function showProblems(problems, warnings) {
  const list = $('problems');
  warnings = [...warnings, ...state.acrossFiles];
  list.replaceChildren(...[...problems, ...warnings].map(problemItem));
  const section = $('problems-section');
  section.hidden = problems.length + warnings.length === 0;
  $('problems-summary').textContent =
    problems.length > 0 ? `${problems.length} 处问题必须修改${warnings.length ? `，另有 ${warnings.length} 条提示` : ''}：` : `${warnings.length} 条提示，请核对数据：`;
}

/** @param {Problem} problem */
function problemItem(problem) {
  const item = document.createElement('li');
  item.className = problem.severity;
  item.dataset.code = problem.code;
  item.dataset.where = problem.where;
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.textContent = problem.severity === 'error' ? '问题' : '提示';
  const message = document.createElement('span');
  message.className = 'message';
  message.textContent = problem.message.zh;
  item.append(badge, ' ', message);

  const place = placeText(problem);
  if (place) item.append(line('place', `位置：${place}`));
  if (problem.field) item.append(line('field', `该项填写：${problem.field}`));
  if (problem.expected && problem.received && !problem.message.zh.includes(problem.received)) {
    item.append(line('field', `应为 ${problem.expected}，实为 ${problem.received}`));
  }
  const editable = editorFor(problem.where);
  if (editable) {
    const link = document.createElement('a');
    link.href = `#${editable.id}`;
    link.textContent = `在本页修改“${editable.label}”`;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      $('edit-section').hidden = false;
      const target = document.getElementById(editable.id);
      target?.scrollIntoView({ block: 'center' });
      target?.focus();
    });
    item.append(line('fix', '', link));
  }
  return item;
}

function line(className, text, child) {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  if (child) p.append(child);
  return p;
}

/** Where the problem is in the user's file: a workbook cell, a line of the JSON, and the field path. */
function placeText(problem) {
  const parts = [];
  const at = problem.location;
  if (at?.kind === 'cell') parts.push(`工作表“${at.sheet}”${at.row ? `第 ${at.row} 行` : ''}${at.header ? `「${at.header}」` : ''}${at.ref ? `（${at.ref}）` : ''}`);
  if (at?.kind === 'json') parts.push(`${state.fileName || '文件'} 第 ${at.line} 行第 ${at.column} 列`);
  if (problem.where && problem.where !== '(root)') parts.push(`字段 ${problem.where}`);
  return parts.join('，');
}

/** The form control that fixes a problem at `where`, if the page edits that field. */
function editorFor(where) {
  const measure = /^measures\[(\d+)\](?:\.(title|text))?$/.exec(where);
  if (measure) return { id: `m-${measure[1]}-${measure[2] ?? 'text'}`, label: `主要做法第 ${Number(measure[1]) + 1} 条` };
  const field = /^(\w+)(?:\[\d+\])?$/.exec(where)?.[1];
  const known = field ? TEXT_FIELDS[field] : undefined;
  return known ? { id: known.id, label: known.label } : undefined;
}

// ——— editing ———

function fillEditor(input) {
  state.shown = {};
  for (const [field, { id, list }] of Object.entries(TEXT_FIELDS)) {
    const value = input?.[field];
    const text = list ? (Array.isArray(value) ? value.map(String).join('\n') : '') : typeof value === 'string' ? value : '';
    /** @type {HTMLTextAreaElement} */ ($(id)).value = text;
    state.shown[field] = text;
  }
  const measures = Array.isArray(input?.measures) ? input.measures : [];
  $('measures').replaceChildren(...measures.map(measureRow));
  $('edit-section').hidden = false;
}

/** One 主要做法: a title and its text, or a section drawn from the data (shown, kept in its place). */
function measureRow(measure, index) {
  const row = document.createElement('div');
  row.className = 'measure';
  if (measure && typeof measure === 'object' && 'section' in measure) {
    row.dataset.section = JSON.stringify(measure);
    row.textContent = `第 ${index + 1} 条：由数据生成的“${SECTION_NAMES[measure.section] ?? measure.section}”部分`;
    return row;
  }
  const title = document.createElement('input');
  title.id = `m-${index}-title`;
  title.value = String(measure?.title ?? '');
  const text = document.createElement('textarea');
  text.id = `m-${index}-text`;
  text.rows = 3;
  text.value = String(measure?.text ?? '');
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'secondary';
  remove.textContent = `删除第 ${index + 1} 条`;
  remove.addEventListener('click', () => {
    row.remove();
    renumberMeasures();
  });
  row.append(label(title.id, `第 ${index + 1} 条做法的标题`), title, label(text.id, `第 ${index + 1} 条做法的内容`), text, remove);
  return row;
}

function label(forId, text) {
  const element = document.createElement('label');
  element.htmlFor = forId;
  element.textContent = text;
  return element;
}

/** After a row is removed, ids and labels follow the rows' new places, as the field paths do. */
function renumberMeasures() {
  [...$('measures').children].forEach((row, index) => {
    const data = /** @type {HTMLElement} */ (row).dataset.section;
    const replacement = measureRow(data ? JSON.parse(data) : readMeasure(row), index);
    row.replaceWith(replacement);
  });
}

function readMeasure(row) {
  return { title: row.querySelector('input')?.value ?? '', text: row.querySelector('textarea')?.value ?? '' };
}

/** The form's text written into the stats; a field the user did not touch stays exactly as it came. */
function applyEdits(input) {
  for (const [field, { id, list }] of Object.entries(TEXT_FIELDS)) {
    const value = /** @type {HTMLTextAreaElement} */ ($(id)).value;
    if (value === state.shown[field]) continue;
    if (list) {
      const paragraphs = value.split('\n').map((p) => p.trim()).filter(Boolean);
      if (paragraphs.length) input[field] = paragraphs;
      else delete input[field];
    } else if (value.trim()) input[field] = value.trim();
    else delete input[field];
  }
  const measures = [...$('measures').children].map((row) => {
    const section = /** @type {HTMLElement} */ (row).dataset.section;
    if (section) return JSON.parse(section);
    const { title, text } = readMeasure(row);
    return { title: title.trim(), text: text.trim() };
  });
  if (measures.length || Array.isArray(input.measures)) input.measures = measures;
  return input;
}

// ——— the result ———

function showResult(body) {
  $('result-section').hidden = false;
  $('result-title').textContent = body.title;
  const bytes = Uint8Array.from(atob(body.pdf), (c) => c.charCodeAt(0));
  if (state.pdfUrl) URL.revokeObjectURL(state.pdfUrl);
  state.pdfUrl = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  /** @type {HTMLIFrameElement} */ ($('pdf-view')).src = state.pdfUrl;
  $('text').replaceChildren(...textBlocks(body.text));
  document.body.dataset.drafted = String(Number(document.body.dataset.drafted ?? 0) + 1);
}

/** The Markdown as readable blocks: headings, paragraphs, table rows; shown as text, never parsed as HTML. */
function textBlocks(markdown) {
  return markdown
    .split('\n')
    .filter((l) => l.trim() && !/^\|?\s*:?-{3,}/.test(l))
    .map((l) => {
      const heading = /^(#{1,6})\s+(.*)$/.exec(l);
      const element = document.createElement(heading ? 'h3' : 'p');
      element.textContent = heading ? heading[2] : l.replace(/^\|\s*|\s*\|$/g, '').replace(/\s*\|\s*/g, '　');
      return element;
    });
}

async function downloadFormat(format) {
  if (!state.input) return;
  const input = applyEdits(structuredClone(state.input));
  const response = await post(`/api/draft?format=${format}`, JSON.stringify(input), 'application/json');
  if (!response) return;
  if (!response.ok) return showPreview(response, false);
  const name = fileNameOf(response.headers.get('content-disposition')) ?? `report.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  say(`已下载“${name}”。`);
}

/** The file name from a Content-Disposition header: its UTF-8 `filename*`, else `filename`. */
function fileNameOf(header) {
  if (!header) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended) return decodeURIComponent(extended[1]);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? null;
}

// ——— bureau mode (shown only when the server can aggregate) ———

async function aggregate() {
  const form = /** @type {HTMLFormElement} */ ($('bureau-form'));
  const files = [.../** @type {HTMLInputElement} */ ($('bureau-files')).files ?? []];
  const results = $('bureau-files-result');
  results.replaceChildren();
  if (!files.length) return say('请选择各学校的数据文件。', true);
  const schools = [];
  let failures = 0;
  for (const file of files) {
    say(`正在检查“${file.name}”……`);
    const response = await post(`/api/validate?name=${encodeURIComponent(file.name)}`, file, file.type || 'application/octet-stream');
    const body = response ? await response.json() : null;
    const item = document.createElement('li');
    if (body?.valid) {
      schools.push({ name: file.name, stats: body.input });
      item.textContent = `✓ ${file.name}`;
    } else {
      failures++;
      item.className = 'error';
      item.textContent = `✗ ${file.name}：${body?.problems?.length ?? 0} 处问题`;
      const list = document.createElement('ol');
      list.className = 'problems';
      list.append(...(body?.problems ?? []).map(problemItem));
      item.append(list);
    }
    results.append(item);
  }
  if (failures) return say(`${failures} 个文件有问题，请修改后重新选择。`, true);
  const data = new FormData(form);
  const request = {
    organisation: { name: String(data.get('name') ?? ''), region: String(data.get('region') ?? '') },
    year: Number(data.get('year')),
    schools,
  };
  const response = await post('/api/aggregate', JSON.stringify(request), 'application/json');
  if (!response) return;
  const body = await response.json();
  if (!response.ok) return failed(response, body);
  showTable(body.table);
  state.fileName = `${request.organisation.name}.json`;
  state.acrossFiles = body.warnings;
  const drafted = await post('/api/preview?name=county.json', JSON.stringify(body.stats), 'application/json');
  if (drafted) await showPreview(drafted, true, false);
}

function showTable(table) {
  const element = document.createElement('table');
  const caption = document.createElement('caption');
  caption.textContent = '各学校汇总表';
  const head = document.createElement('tr');
  head.append(...table.columns.map((c) => Object.assign(document.createElement('th'), { scope: 'col', textContent: c })));
  const rows = table.rows.map((cells) => {
    const tr = document.createElement('tr');
    tr.append(...cells.map((c) => Object.assign(document.createElement('td'), { textContent: String(c), className: typeof c === 'number' ? 'number' : '' })));
    return tr;
  });
  element.append(caption, head, ...rows);
  $('bureau-table').replaceChildren(element);
}
