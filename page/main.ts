/** The offline check page's UI: pick or drop files, show each file's verdict, findings and 本表合计, offer the 标注版 and the blank entry sheet. */
import type { CheckView, Download, Engine, RegistryView } from './engine';
import { pageLang, t, type TextKey } from './i18n';

const lang = pageLang(navigator.language);
const say = (key: TextKey, params?: Record<string, string | number>): string =>
  t(lang, key, params);

let engineLoaded: Engine | null = null;

/** Evaluates the engine kept as inert text in the page (once), on first need. */
function engine(): Engine {
  if (engineLoaded !== null) return engineLoaded;
  const code = document.getElementById('engine-code')?.textContent ?? '';
  const script = document.createElement('script');
  script.textContent = code;
  document.head.appendChild(script);
  const loaded = (window as unknown as { CountyRollupEngine?: Engine }).CountyRollupEngine;
  if (loaded === undefined) throw new Error('engine missing');
  engineLoaded = loaded;
  return loaded;
}

/** Lets the browser paint ("正在检查…") before a long synchronous step. */
const nextFrame = (): Promise<void> => new Promise((ok) => setTimeout(ok, 0));

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== null) node.append(c);
  return node;
}

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`#${id} missing`);
  return node as T;
}

function download(file: Download): void {
  const blob = new Blob([file.bytes as BlobPart], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: file.fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function fillTexts(): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = say('title');
  for (const node of document.querySelectorAll<HTMLElement>('[data-text]'))
    node.textContent = say(node.dataset.text as TextKey);
}

async function readBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** The file's block: heading, what was read, the verdict, findings by row, 本表合计, 下载标注版. */
function renderFile(view: CheckView): HTMLElement {
  const v = view.verdict;
  const errors = v.findings.filter((f) => f.severity === 'error');
  const warnings = v.findings.length - errors.length;
  const message = (f: (typeof v.findings)[number]): string =>
    lang === 'zh' ? f.message_zh : f.message_en;
  const verdict =
    v.status === 'rejected'
      ? say('rejected', {
          errors: Math.max(errors.length, 1),
          first: errors[0] === undefined ? '' : message(errors[0]),
        })
      : warnings > 0
        ? say('acceptedWarnings', { warnings })
        : say('accepted');

  const facts = el(
    'dl',
    { class: 'facts' },
    el('dt', {}, say('township')),
    el('dd', { 'data-field': 'township' }, v.township ?? say('unknown')),
    el('dt', {}, say('year')),
    el('dd', { 'data-field': 'year' }, view.year === null ? say('unknown') : String(view.year)),
  );
  if (view.sheetName !== null)
    facts.append(el('dt', {}, say('sheet')), el('dd', {}, view.sheetName));

  const block = el(
    'section',
    { class: `file ${v.status}`, 'data-status': v.status, 'data-file': v.file },
    el('h2', {}, v.file),
    facts,
    el('p', { class: 'verdict', 'data-verdict': '' }, verdict),
  );

  if (view.markable) {
    const button = el('button', { type: 'button', class: 'mark', 'data-action': 'mark' });
    button.textContent = say('markButton');
    button.addEventListener('click', () => {
      button.disabled = true;
      void engine()
        .mark(view.id, lang)
        .then(download)
        .finally(() => (button.disabled = false));
    });
    block.append(
      el('p', { class: 'actions' }, button, el('span', { class: 'hint' }, say('markHint'))),
    );
  }
  if (v.findings.length > 0) {
    block.append(el('h3', {}, say('findingsHeading')));
    const groups = new Map<number | null, typeof v.findings>();
    for (const f of v.findings) {
      const list = groups.get(f.row) ?? [];
      list.push(f);
      groups.set(f.row, list);
    }
    const rows = [...groups.keys()].sort((a, b) => (a ?? -1) - (b ?? -1));
    const list = el('div', { class: 'findings' });
    for (const row of rows) {
      const village = row === null ? undefined : view.villages[row];
      const heading =
        row === null
          ? say('wholeFile')
          : `${say('row', { row })}${village === undefined ? '' : ` · ${village}`}`;
      const items = el('ul', {});
      for (const f of groups.get(row)!) {
        const details: (Node | string)[] = [];
        if (f.value !== null) details.push(el('span', { class: 'value' }, say('value'), f.value));
        if (f.suggestion !== null)
          details.push(el('span', { class: 'suggestion' }, say('suggestion'), f.suggestion));
        items.append(
          el(
            'li',
            {
              class: `finding ${f.severity}`,
              'data-code': f.code,
              'data-cell': f.cell ?? '',
              'data-severity': f.severity,
            },
            el('span', { class: 'badge' }, say(f.severity)),
            // The message names the cell itself in most cases; show it apart only when it does not.
            f.cell === null || message(f).includes(f.cell)
              ? null
              : el('code', { class: 'cell' }, f.cell),
            el('span', { class: 'message' }, message(f)),
            details.length > 0 ? el('div', { class: 'details' }, ...details) : null,
          ),
        );
      }
      list.append(el('div', { class: 'row-group' }, el('h4', {}, heading), items));
    }
    block.append(list);
  }

  if (view.summary !== null) {
    block.append(el('h3', {}, say(v.status === 'accepted' ? 'totalsHeading' : 'totalsRejected')));
    const table = el('dl', { class: 'totals', 'data-totals': '' });
    const addRow = (label: string, value: string, id: string): void => {
      table.append(el('div', { 'data-id': id }, el('dt', {}, label), el('dd', {}, value)));
    };
    addRow(say('villages'), String(view.summary.villages), 'villages');
    const { schema } = engine();
    for (const c of schema.columns) {
      const total = view.summary.totals[c.id];
      if (c.sum !== true || total === undefined) continue;
      addRow(
        lang === 'zh' ? c.header : c.en,
        total.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'),
        c.id,
      );
    }
    for (const r of schema.figures.rates) {
      const rate = view.summary.rates[r.id];
      if (rate === undefined || rate === null) continue;
      addRow(lang === 'zh' ? r.zh : r.en, `${(rate * 100).toFixed(1)}%`, r.id);
    }
    block.append(table);
  }

  return block;
}

async function checkFiles(files: readonly File[]): Promise<void> {
  const results = byId('results');
  for (const file of files) {
    const pending = el('p', { class: 'pending' }, say('checking', { file: file.name }));
    results.append(pending);
    await nextFrame();
    try {
      const view = await engine().check(await readBytes(file), file.name);
      pending.replaceWith(renderFile(view));
    } catch (error) {
      pending.textContent = say('failed', {
        file: file.name,
        reason: error instanceof Error ? error.message : String(error),
      });
      pending.className = 'failed';
    }
  }
  results.dataset.done = String(Number(results.dataset.done ?? '0') + files.length);
}

function showRegistry(view: RegistryView | null): void {
  const status = byId('registry-status');
  const select = byId<HTMLSelectElement>('template-township');
  select.replaceChildren(el('option', { value: '' }, say('templateAny')));
  if (view === null || (view.ok && view.townships.length === 0)) {
    status.textContent = say('registryNone');
    status.className = 'status';
    return;
  }
  if (!view.ok) {
    status.replaceChildren(
      say('registryBad'),
      el('ul', {}, ...view.messages.map((m) => el('li', {}, lang === 'zh' ? m.zh : m.en))),
    );
    status.className = 'status bad';
    return;
  }
  const villages = view.townships.reduce((n, t) => n + t.villages.length, 0);
  status.textContent = say('registryOk', { townships: view.townships.length, villages });
  status.className = 'status ok';
  for (const town of view.townships) select.append(el('option', { value: town.name }, town.name));
}

function start(): void {
  fillTexts();
  showRegistry(null);
  const input = byId<HTMLInputElement>('file-input');
  const drop = byId('drop');
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    void checkFiles(files);
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    void checkFiles([...(e.dataTransfer?.files ?? [])]);
  });

  const registryInput = byId<HTMLInputElement>('registry-input');
  registryInput.addEventListener('change', () => {
    const file = registryInput.files?.[0];
    const status = byId('registry-status');
    status.dataset.ready = 'false';
    void (async () => {
      await nextFrame();
      const view =
        file === undefined
          ? await engine().setRegistry(null, '')
          : await engine().setRegistry(await readBytes(file), file.name);
      showRegistry(view);
      status.dataset.ready = 'true';
    })();
  });

  const year = byId<HTMLInputElement>('template-year');
  year.value = String(new Date().getFullYear());
  byId('template-button').addEventListener('click', () => {
    const township = byId<HTMLSelectElement>('template-township').value || null;
    const y = Number.parseInt(year.value, 10);
    void engine()
      .template({ township, year: Number.isFinite(y) ? y : null })
      .then(download);
  });
}

start();
