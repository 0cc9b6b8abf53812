/**
 * The page as a clerk uses it, in headless Chromium against a running
 * server: choose the examples, see the warnings and problems, follow a
 * problem to the field that fixes it, edit the text, redraft, and download
 * the DOCX and PDF — which are then opened and read back; fill in a
 * workbook, download a blank one, and add up a bureau's schools.
 *
 * `ZONGJIE_SCREENSHOTS=docs/pages` also saves the README's screenshots.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/index.js';
import { parseWorkbook, writeWorkbook } from '../../src/workbook/index.js';
import { hasChromium, launchChromium } from '../support/browser.js';
import { readDocx } from '../support/docx-text.js';
import { hasCommand, pdfText, tempDir } from '../support/tools.js';
import { countySchool, example, EXAMPLES, paidAid, schoolWithWarning, startTestServer } from './support.js';
import { formatCount, formatFen } from '../../src/index.js';

const SCHOOL_TITLE = '云溪县石桥镇中心小学2025年学生资助工作总结';
const screenshots = process.env.ZONGJIE_SCREENSHOTS ? resolve(process.env.ZONGJIE_SCREENSHOTS) : undefined;

describe.skipIf(!hasChromium('zongjie serve page in Chromium'))('the page in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const scratch = tempDir('zongjie-page-');
  const errors: string[] = [];

  /** Writes stats to a file as a clerk would have it on disk, for the file chooser. */
  const file = (name: string, stats: unknown) => {
    const path = join(scratch.dir, name);
    writeFileSync(path, JSON.stringify(stats, null, 2));
    return path;
  };
  /** Does `action` and waits until the page shows the draft it leads to. */
  const drafting = async (action: () => Promise<unknown>) => {
    const before = Number((await page.getAttribute('body', 'data-drafted')) ?? 0);
    await action();
    await page.waitForSelector(`body[data-drafted="${before + 1}"]`);
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    // Playwright waits 30 s by default; a draft on two cores shared with the rest of the suite can take longer.
    page.setDefaultTimeout(90_000);
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready]');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    scratch.remove();
  });

  it('every control has a label, and the keyboard reaches the file chooser first', async () => {
    const unlabelled = await page.$$eval('input, textarea, select', (controls) =>
      controls.filter((c) => (c as HTMLInputElement).labels?.length === 0 && !c.getAttribute('aria-label')).map((c) => c.id),
    );
    expect(unlabelled).toEqual([]);
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('file');
    // Nothing that is not yet possible is shown: no result before a file.
    for (const hidden of ['#result-section', '#problems-section', '#edit-section']) {
      expect(await page.isHidden(hidden), hidden).toBe(true);
    }
    // What the server can do is: workbooks read and handed out, bureau mode.
    expect(await page.textContent('#file-label')).toBe('选择工作簿（.xlsx）或 stats.json 文件');
    expect(await page.getAttribute('#file', 'accept')).toContain('.xlsx');
    expect(await page.isVisible('#workbook-downloads')).toBe(true);
    expect(await page.isVisible('#bureau-section')).toBe(true);
    // Bureau mode is folded away until opened: a school's problems stay right under the file chooser.
    expect(await page.isVisible('#bureau-form')).toBe(false);
  });

  it('choosing each example drafts it: title, PDF in the viewer, the text, and no problems', async () => {
    await drafting(() => page.setInputFiles('#file', join(EXAMPLES.pathname, 'school.json')));
    expect(await page.textContent('#result-title')).toBe(SCHOOL_TITLE);
    expect(await page.textContent('#status')).toBe(`已生成“${SCHOOL_TITLE}”。`);
    expect(await page.getAttribute('#pdf-view', 'src')).toMatch(/^blob:/);
    await page.click('#text-view summary');
    expect(await page.textContent('#text')).toContain(example('school').highlights[0]);
    expect(await page.isHidden('#problems-section')).toBe(true);
    // The editor holds the example's own text.
    expect(await page.inputValue('#f-plans')).toBe(example('school').plans.join('\n'));
    expect(await page.inputValue('#m-0-title')).toBe('严格程序，规范档案');

    await drafting(() => page.setInputFiles('#file', join(EXAMPLES.pathname, 'bureau.json')));
    expect(await page.textContent('#result-title')).toMatch(/^云溪县教育局2025年/);
    expect(await page.inputValue('#f-opening')).toBe(example('bureau').opening);
  });

  it('a file with an inconsistency: the warning in Chinese with its field, what the field takes, and the draft', async () => {
    await drafting(() => page.setInputFiles('#file', file('石桥小学.json', schoolWithWarning())));
    const warning = page.locator('#problems li[data-where="aid[2].amount"]');
    await warning.waitFor();
    expect(await warning.getAttribute('class')).toBe('warning');
    const text = await warning.textContent();
    expect(text).toContain('提示');
    expect(text).toContain('aid[2].amount：');
    // The line in the file the clerk chose (the file is the example pretty-printed: aid[2]'s amount is on line 61).
    expect(text).toContain('位置：石桥小学.json 第 61 行第 17 列，字段 aid[2].amount');
    expect(text).toMatch(/该项填写：.*金额/);
    expect(await page.textContent('#status')).toMatch(/有 1 条提示，请核对/);
    if (screenshots) {
      mkdirSync(screenshots, { recursive: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(6000); // the PDF viewer paints its first page
      await page.screenshot({ path: join(screenshots, 'serve-1366x768.png') });
    }
  });

  it('edit the text, redraft with the keyboard, and download DOCX and PDF that say it', async () => {
    const added = '今年新增“一生一档”电子台账，资助档案全部实现信息化管理。';
    await page.fill('#f-highlights', `${example('school').highlights[0]}\n${added}`);
    await page.fill('#m-0-title', '严格程序，规范建档');
    await page.focus('#redraft');
    await drafting(() => page.keyboard.press('Enter'));
    expect(await page.textContent('#text')).toContain(added);
    expect(await page.textContent('#text')).toContain('严格程序，规范建档');

    const docx = await download(page, 'docx');
    expect(docx.name).toBe(`${SCHOOL_TITLE}.docx`);
    const paragraphs = readDocx(docx.bytes).paragraphs.join('\n');
    expect(paragraphs).toContain(added);
    expect(paragraphs).toContain('严格程序，规范建档');
    // Text the clerk did not touch is exactly as the file had it.
    expect(paragraphs).toContain(example('school').problems[0]);

    const pdf = await download(page, 'pdf');
    expect(pdf.name).toBe(`${SCHOOL_TITLE}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (hasCommand('pdftotext')) {
      const text = pdfText(pdf.bytes).replace(/\s+/g, '');
      expect(text).toContain(added.replace(/\s+/g, ''));
      expect(text).toContain('严格程序，规范建档');
    }
    const md = await download(page, 'md');
    expect(md.bytes.toString('utf8')).toContain(added);
    const zip = await download(page, 'zip');
    expect(zip.name).toBe(`${SCHOOL_TITLE}.zip`);
  });

  it('a problem in the free text: the link goes to the field, and fixing it there drafts', async () => {
    const broken = { ...example('school'), opening: '   ' }; // blank: the opening must say something
    await page.setInputFiles('#file', file('开头有误.json', broken));
    const problem = page.locator('#problems li[data-where="opening"]');
    await problem.waitFor();
    expect(await problem.getAttribute('class')).toBe('error');
    expect(await page.isHidden('#result-section')).toBe(true);
    expect(await page.textContent('#status')).toMatch(/数据有 1 处问题/);
    await problem.locator('a', { hasText: '在本页修改“开头”' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-opening');
    await page.keyboard.type('我校认真落实国家学生资助政策。');
    await drafting(() => page.click('#redraft'));
    expect(await page.isHidden('#problems-section')).toBe(true);
    expect(await page.textContent('#text')).toContain('我校认真落实国家学生资助政策。');
  });

  it('a file that is not JSON: its line and column; a file over the limit: refused before it is sent', async () => {
    writeFileSync(join(scratch.dir, 'bad.json'), '{\n  "year": 2025\n  "organisation": {}\n}');
    await page.setInputFiles('#file', join(scratch.dir, 'bad.json'));
    const problem = page.locator('#problems li[data-code="json_syntax"]');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('位置：bad.json 第 2 行第 15 列');

    writeFileSync(join(scratch.dir, 'huge.json'), Buffer.alloc(11 << 20, 0x20));
    await page.setInputFiles('#file', join(scratch.dir, 'huge.json'));
    expect(await page.textContent('#status')).toBe('“huge.json”过大（11 MB），上限为 10 MB。');
  });

  it('at 200 % zoom on a 1366 × 768 screen: one column, nothing cut off sideways', async () => {
    const zoomed = await browser.newPage({ viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 });
    zoomed.setDefaultTimeout(90_000);
    await zoomed.goto(server.url);
    await zoomed.waitForSelector('body[data-ready]');
    await zoomed.setInputFiles('#file', file('石桥小学.json', schoolWithWarning()));
    await zoomed.waitForSelector('body[data-drafted="1"]');
    const overflow = await zoomed.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    const [work, result] = await Promise.all([zoomed.locator('.work').boundingBox(), zoomed.locator('#result-section').boundingBox()]);
    expect(result!.y).toBeGreaterThanOrEqual(work!.y + work!.height); // stacked, not side by side
    for (const button of await zoomed.locator('.downloads button').all()) {
      const box = (await button.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(683);
    }
    if (screenshots) {
      await zoomed.locator('#problems-section').scrollIntoViewIfNeeded();
      await zoomed.screenshot({ path: join(screenshots, 'serve-zoom-200.png') });
    }
    await zoomed.close();
  });

  it('a filled workbook: drafted, its warning at its cell — still there after a redraft', async () => {
    const path = join(scratch.dir, '石桥小学.xlsx');
    writeFileSync(path, await writeWorkbook(schoolWithWarning() as never));
    await drafting(() => page.setInputFiles('#file', path));
    expect(await page.textContent('#result-title')).toBe(SCHOOL_TITLE);
    expect(await page.inputValue('#f-plans')).toBe(example('school').plans.join('\n'));
    const place = '位置：工作表“资助发放”第 4 行「金额（元）」（G4），字段 aid[2].amount';
    const warning = page.locator('#problems li[data-where="aid[2].amount"]');
    expect(await warning.textContent()).toContain(place);
    // The redraft posts the edited stats, not the workbook: the place is still the cell.
    await page.fill('#f-closing', '特此报告。');
    await drafting(() => page.click('#redraft'));
    expect(await warning.textContent()).toContain(place);
  });

  it('the blank workbooks download, named, and read back', async () => {
    for (const [kind, name] of [['school', '学校资助统计表.xlsx'], ['bureau', '教育局资助统计表.xlsx']]) {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(`#workbook-downloads a[href="/api/workbook?kind=${kind}"]`)]);
      expect(file.suggestedFilename()).toBe(name);
      const read = await parseWorkbook(readFileSync((await file.path())!));
      expect(read.issues).toEqual([]);
    }
  });

  it('bureau mode: several schools (one a workbook, one twice) → the table, the warning naming both files, the county’s draft', async () => {
    const [changshan, shahe, shiqiao] = [countySchool('changshan'), countySchool('shahe'), countySchool('shiqiao')];
    const workbook = join(scratch.dir, '石桥小学.xlsx');
    writeFileSync(workbook, await writeWorkbook(shiqiao as never));
    const files = [file('changshan.json', changshan), file('shahe.json', shahe), workbook, file('石桥小学（副本）.json', shiqiao)];
    await page.click('#bureau-details > summary');
    await page.fill('#bureau-name', '云溪县教育局');
    await page.fill('#bureau-year', '2025');
    await page.setInputFiles('#bureau-files', files);
    await drafting(() => page.click('#bureau-form button[type="submit"]'));
    expect(await page.locator('#bureau-files-result li').allTextContents()).toEqual(['✓ changshan.json', '✓ shahe.json', '✓ 石桥小学.xlsx', '✓ 石桥小学（副本）.json']);

    const rows = await page.$$eval('#bureau-table tr', (trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent)));
    expect(rows[0]).toEqual(['文件', '学校', '受助人次', '资助金额（元）', '说明']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['changshan.json', 'shahe.json', '石桥小学.xlsx', '石桥小学（副本）.json', '合计']);
    expect(rows[4]![4]).toBe('与石桥小学.xlsx是同一所学校，未计入');
    expect(rows[5]!.slice(0, 2)).toEqual(['合计', '3所学校']);

    const duplicate = page.locator('#problems li[data-code="duplicate_school"]');
    expect(await duplicate.textContent()).toContain('石桥小学.xlsx和石桥小学（副本）.json是同一所学校');
    expect(await page.textContent('#result-title')).toBe('云溪县教育局2025年教育帮扶工作总结');
    const { students, fen } = paidAid(changshan, shahe, shiqiao);
    expect(await page.textContent('#text')).toContain(`全年共资助各学段学生${formatCount(students, '人次')}，发放资助资金${formatFen(fen)}`);
    // The county's stats come from no file of the clerk's: its warnings name the field, never a line of a file.
    expect(await page.locator('#problems li[data-where="signature"] .place').textContent()).toBe('位置：字段 signature');
  });

  it('no script error and no blocked request on the way', () => {
    // The 422 answers the page asked for are the only failed loads.
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });
});

/** Clicks a download button and returns the file the browser saved. */
async function download(page: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`.downloads button[data-format="${format}"]`)]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}
