/**
 * External tools for tests that read generated documents back: LibreOffice
 * (DOCX → PDF) and poppler (pdftotext, pdftoppm). Tests that need one skip
 * loudly when it is absent; see {@link requireCommands}.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';

/** Whether an executable is on PATH. */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Whether all the commands exist; warns once, naming what is missing, so a
 * skipped suite is never silent. Use with `describe.skipIf(!requireCommands(...))`.
 */
export function requireCommands(suite: string, ...commands: string[]): boolean {
  const missing = commands.filter((c) => !hasCommand(c));
  if (missing.length > 0) {
    const message = `${suite}: missing ${missing.join(', ')} on PATH`;
    // CI installs every client (.ci/run): there a missing one is a failure, not a skip.
    if (process.env.ZONGJIE_REQUIRE_TOOLS) throw new Error(message);
    console.warn(`⚠ SKIPPING ${message}`);
  }
  return missing.length === 0;
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix = 'zongjie-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The environment LibreOffice runs in for tests: fontconfig reads
 * test/fixtures/fontconfig/fonts.conf (the system's configuration plus
 * aliases from the DOCX's font names to metric-equivalent open fonts).
 */
export function officeEnv(): NodeJS.ProcessEnv {
  return { ...process.env, FONTCONFIG_FILE: new URL('../fixtures/fontconfig/fonts.conf', import.meta.url).pathname };
}

/**
 * Converts a document (DOCX bytes) to PDF with headless LibreOffice and
 * returns the PDF bytes. Each call uses its own LibreOffice user profile so
 * that parallel test files do not fight over one.
 */
export function convertWithLibreOffice(bytes: Uint8Array, name = 'document.docx'): Uint8Array {
  const { dir, remove } = tempDir('zongjie-soffice-');
  try {
    const input = join(dir, name);
    writeFileSync(input, bytes);
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
      { stdio: 'pipe', timeout: 180_000, env: officeEnv() },
    );
    return readFileSync(join(dir, basename(name).replace(/\.[^.]+$/, '') + '.pdf'));
  } finally {
    remove();
  }
}

/**
 * Converts several documents with one LibreOffice start (each start costs
 * seconds): name → DOCX bytes in, name → PDF bytes out.
 */
export function convertAllWithLibreOffice(documents: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const { dir, remove } = tempDir('zongjie-soffice-');
  try {
    const inputs = Object.entries(documents).map(([name, bytes]) => {
      const input = join(dir, `${name}.docx`);
      writeFileSync(input, bytes);
      return input;
    });
    const out = join(dir, 'out');
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, ...inputs],
      { stdio: 'pipe', timeout: 600_000, env: officeEnv() },
    );
    return Object.fromEntries(Object.keys(documents).map((name) => [name, readFileSync(join(out, `${name}.pdf`))]));
  } finally {
    remove();
  }
}

/** Runs a tool on bytes written to a temporary file; returns its stdout. */
export function runOnFile(bytes: Uint8Array, ext: string, command: string, args: (file: string) => string[]): string {
  const { dir, remove } = tempDir();
  try {
    const file = join(dir, `input.${ext}`);
    writeFileSync(file, bytes);
    return execFileSync(command, args(file), { encoding: 'utf8', maxBuffer: 64 << 20 });
  } finally {
    remove();
  }
}

/** The text of a PDF as pdftotext gives it (reading order, UTF-8). */
export function pdfText(pdf: Uint8Array): string {
  return runOnFile(pdf, 'pdf', 'pdftotext', (f) => ['-enc', 'UTF-8', f, '-']);
}

/** Renders PDF pages to PNG files in `outDir` (pdftoppm), returning their paths. */
export function renderPages(pdf: Uint8Array, outDir: string, dpi = 60): string[] {
  const file = join(outDir, 'page.pdf');
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, join(outDir, 'page')]);
  const listing = execFileSync('sh', ['-c', `ls ${JSON.stringify(outDir)} | grep '^page.*png$' | sort`], { encoding: 'utf8' });
  return listing.split('\n').filter(Boolean).map((f) => join(outDir, f));
}

/** The parts of a zip package (DOCX) by path, as text. */
export function unzipText(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([path, data]) => [path, strFromU8(data)]));
}
