/**
 * Client controller of /self-check/ (自查自评与整改台账). All logic lives in src/lib/ledger*.ts;
 * this file renders and wires the DOM. Everything stays in the browser: localStorage through
 * LedgerStore, files through <input type=file> and Blob downloads. The exporters (exceljs, docx)
 * are loaded with import() only when the user exports, so they are not part of the page weight.
 *
 * The page passes its data as JSON in #sc-data: { items, stages, target, base, links }.
 */
import {
  ITEM_STATUSES,
  STATUS_TEXT,
  addProblem,
  allUnits,
  applyMerge,
  checkWords,
  closeProblem,
  completion,
  completionByArea,
  completionByUnit,
  currentStage,
  fieldLabel,
  getField,
  isOverdue,
  itemDue,
  materialsReady,
  newLedger,
  percent,
  planMerge,
  problemDue,
  problemText,
  rekey,
  removeProblem,
  reopenProblem,
  scored,
  setField,
  statusOf,
  unitsOf,
  valueText,
  type Conflict,
  type ItemStatus,
  type Ledger,
  type LedgerIndicator,
  type MergePlan,
  type PlanStage,
  type Problem,
  type Stamp,
} from '../lib/ledger';
import { parseLedgerText, serializeLedger } from '../lib/ledger-schema';
import { LedgerStore } from '../lib/ledger-store';
import { buildReport, reportBlocks, type Report } from '../lib/ledger-report';
import type { PlanTarget } from '../lib/ledger-plan';
import { highlight } from '../lib/indicators-core';

interface PageData {
  items: LedgerIndicator[];
  stages: PlanStage[];
  target: PlanTarget | null;
  base: string;
  links: { indicator: string; workpoint: string };
}

type Child = Node | string | null | undefined | false;
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number | boolean | undefined> = {}, ...kids: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of kids) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}
/**
 * Brings `old` to the state of `next` in place: same-shaped nodes are kept and only their text and
 * attributes change, so an unchanged paragraph is not laid out again (a status change stays fast).
 */
function morph(old: Node, next: Node): void {
  if (old.nodeType !== next.nodeType || old.nodeName !== next.nodeName) {
    old.parentNode!.replaceChild(next, old);
    return;
  }
  if (old.nodeType === Node.TEXT_NODE) {
    if (old.nodeValue !== next.nodeValue) old.nodeValue = next.nodeValue;
    return;
  }
  const o = old as Element;
  const n = next as Element;
  for (const a of [...o.attributes]) if (!n.hasAttribute(a.name)) o.removeAttribute(a.name);
  for (const a of [...n.attributes]) if (o.getAttribute(a.name) !== a.value) o.setAttribute(a.name, a.value);
  morphChildren(o, n);
}
function morphChildren(old: Element, next: Element): void {
  const oc = [...old.childNodes];
  const nc = [...next.childNodes];
  nc.forEach((c, i) => (i < oc.length ? morph(oc[i]!, c) : old.appendChild(c)));
  for (let i = nc.length; i < oc.length; i++) old.removeChild(oc[i]!);
}

/** replaceChildren that skips the null/false of conditional parts. */
const fill = (el: Element, ...kids: Child[]) => el.replaceChildren(...kids.filter((k): k is Node | string => k !== null && k !== undefined && k !== false));
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** Local calendar date (the user's "today"), YYYY-MM-DD. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const nowIso = () => new Date().toISOString();
const splitUnits = (s: string) => s.split(/[、，,；;\s]+/).map((x) => x.trim()).filter(Boolean);
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

function download(name: string, data: BlobPart, type: string) {
  const a = h('a', { download: name, href: URL.createObjectURL(new Blob([data], { type })) });
  document.body.append(a);
  a.click();
  setTimeout(() => (URL.revokeObjectURL(a.href), a.remove()), 2000);
}

export function startSelfCheck(): void {
  const dataEl = document.getElementById('sc-data');
  if (!dataEl) return;
  const data = JSON.parse(dataEl.textContent || '{}') as PageData;
  const items = data.items;
  const byId = new Map(items.map((i) => [i.id, i]));
  const stages = data.stages;
  const target = data.target?.value ?? null;
  const today = localToday();
  const app = $('sc-app');
  app.hidden = false;

  let store: LedgerStore;
  const errorBox = $('sc-error');
  try {
    store = new LedgerStore(window.localStorage);
  } catch {
    errorBox.textContent = '本浏览器禁止网页保存数据（localStorage 不可用），台账无法保存。请换用允许本地存储的浏览器。';
    return;
  }
  const opened = store.open(nowIso(), '本县台账');
  let ledger: Ledger = opened.ledger;
  let orphans = rekey(ledger, items.map((i) => i.id));
  if (opened.error) errorBox.textContent = opened.error;

  // ------------------------------------------------------------------ saving
  const savedEl = $('sc-saved');
  function save() {
    ledger.updated = nowIso();
    try {
      store.save(ledger);
      savedEl.textContent = `已自动保存（${new Date().toLocaleTimeString('zh-CN', { hour12: false })}）`;
    } catch (e) {
      errorBox.textContent = `无法保存到本机浏览器（${(e as Error).message}）。请先“导出台账（JSON）”备份。`;
    }
  }

  // ------------------------------------------------------------------ ledgers bar
  const ledgerSel = $<HTMLSelectElement>('sc-ledger');
  const lname = $<HTMLInputElement>('sc-lname');
  const lunit = $<HTMLSelectElement>('sc-lunit');
  function renderLedgers() {
    ledgerSel.replaceChildren(...store.list().map((e) => h('option', { value: e.id, text: e.unit && e.unit !== e.name ? `${e.name}（${e.unit}）` : e.name })));
    ledgerSel.value = ledger.id;
    lname.value = ledger.name;
    lunit.replaceChildren(h('option', { value: '', text: '全县（显示全部指标）' }), ...allUnits(ledger, items).map((u) => h('option', { value: u, text: u })));
    lunit.value = ledger.unit ?? '';
  }
  function switchTo(l: Ledger) {
    ledger = l;
    orphans = rekey(ledger, items.map((i) => i.id));
    store.setCurrent(l.id);
    filter.unit = l.unit ?? '';
    renderAll();
  }
  ledgerSel.addEventListener('change', () => {
    const r = store.load(ledgerSel.value);
    if (r.ok) switchTo(r.ledger);
    else errorBox.textContent = r.error;
  });
  $('sc-ledger-form').addEventListener('submit', (e) => {
    e.preventDefault();
    ledger.name = lname.value.trim() || ledger.name;
    ledger.unit = lunit.value || null;
    save();
    filter.unit = ledger.unit ?? '';
    renderAll();
  });
  $('sc-ledger-form').addEventListener('click', (e) => {
    const act = (e.target as HTMLElement).closest('button')?.dataset.act;
    if (act === 'create') {
      const l = newLedger(lname.value.trim() && lname.value.trim() !== ledger.name ? lname.value.trim() : `新台账 ${store.list().length + 1}`, lunit.value || null, nowIso());
      store.save(l);
      switchTo(l);
      lname.focus();
    } else if (act === 'delete') {
      if (!confirm(`删除台账“${ledger.name}”？删除后无法恢复（请先导出备份）。`)) return;
      store.remove(ledger.id);
      switchTo(store.open(nowIso(), '本县台账').ledger);
    }
  });
  window.addEventListener('storage', (e) => {
    if (e.key === `cjzl-ledger:${ledger.id}` && e.newValue) {
      const r = parseLedgerText(e.newValue);
      if (r.ok) {
        ledger = r.ledger;
        renderAll();
        savedEl.textContent = '已载入另一个标签页中的修改';
      }
    }
  });

  // ------------------------------------------------------------------ stages
  function renderStages() {
    const now = currentStage(stages, today);
    $('sc-stage-list').replaceChildren(
      ...stages.map((s) =>
        h(
          'li',
          { class: s === now ? 'now' : s.date && s.date < today ? 'past' : '', 'aria-current': s === now ? 'step' : undefined },
          h('b', { text: s.title }),
          `${s.timing}${s.date && s.timing.indexOf(s.date) < 0 ? `（${s.date}）` : ''}`,
          s === now ? h('span', { class: 'vh', text: '（当前阶段）' }) : null,
        ),
      ),
    );
    const last = [...stages].reverse().find((s) => s.date);
    const titleOf = (k: string) => stages.find((s) => s.key === k && s.date)?.title;
    const rules = [
      titleOf('selfcheck') && `未开始的项按“${titleOf('selfcheck')}”`,
      titleOf('improve') && `推进中的项按“${titleOf('improve')}”`,
      titleOf('rectify') && `问题按“${titleOf('rectify')}”`,
    ]
      .filter(Boolean)
      .join('、');
    $('sc-stage-note').textContent = !stages.length
      ? '方案中没有找到创建步骤的时间节点，逾期只按各项自己填写的完成时限计算。'
      : `今天是 ${today}，${now ? `处于“${now.title}”阶段（${now.date} 前）` : `方案的时间节点均已过（最后一个：${last?.title} ${last?.date}）`}。${rules ? `未填完成时限时，${rules}的时间节点计算是否逾期。` : ''}`;
  }

  // ------------------------------------------------------------------ summary (完成度)
  const bar = (ratio: number | null, tgt: number | null) => {
    const w = ratio === null ? 0 : Math.round(ratio * 1000) / 10;
    const below = tgt !== null && ratio !== null && ratio < tgt;
    return h('span', { class: `sc-bar${below ? ' below' : ''}`, 'aria-hidden': 'true' }, h('span', { style: `width:${w}%` }), tgt !== null ? h('i', { style: `left:${tgt * 100}%` }) : null);
  };
  const tgtText = target === null ? '' : `${Math.round(target * 1000) / 10}%`;
  /**
   * The summary is rebuilt on every change, but the two long lists (each unit's bar, and what keeps
   * each unit below the target) only while their <details> is open: a status change stays within a frame.
   */
  const unitsOpen = { units: false, gap: false };
  function renderSummary() {
    const sc = scored(items);
    const unitView = filter.unit;
    const mine = unitView ? sc.filter((i) => unitsOf(ledger, i).includes(unitView)) : sc;
    const c = completion(ledger, mine);
    const areas = completionByArea(ledger, mine, target);
    const units = completionByUnit(ledger, sc, target);
    const below = unitView ? units.filter((u) => u.key === unitView && u.short > 0) : units.filter((u) => u.short > 0);
    const extra = (['bonus', 'veto'] as const).map((k) => {
      const its = items.filter((i) => i.kind === k);
      const cc = completion(ledger, its);
      return its.length ? `${k === 'bonus' ? '加分项' : '否决项'} ${cc.done}/${its.length} 项已完成` : '';
    });
    const unitBars = () =>
      h('ul', { class: 'sc-bars', 'aria-label': '各责任单位完成度' }, ...units.map((u) => h('li', {}, h('span', { text: u.label }), bar(u.ratio, target), h('span', { class: 'fig', text: `${percent(u.ratio)}（${u.done}/${u.applicable}）` }))));
    const gapList = () =>
      h(
        'ul',
        { class: 'sc-gap' },
        ...below.map((u) =>
          h(
            'li',
            {},
            h('b', { text: u.label }),
            `（${percent(u.ratio)}，还差 ${u.short} 项）：`,
            ...u.open.flatMap((i, n) => [n ? '、' : '', h('a', { href: `#item-${i.id}`, text: `${i.label}（${STATUS_TEXT[statusOf(ledger, i)]}）` })]),
          ),
        ),
      );
    const lazyDetails = (key: 'units' | 'gap', label: string, body: () => HTMLElement) =>
      h('details', { class: 'sc-units-more', open: unitsOpen[key], 'data-key': key }, h('summary', { text: label }), unitsOpen[key] ? body() : null);
    const next = h('div');
    fill(
      next,
      h(
        'div',
        { class: 'sc-big' },
        h('span', { class: 'pct', id: 'sc-pct', text: percent(c.ratio) }),
        h('span', {
          id: 'sc-pct-text',
          text: `${unitView ? `${unitView}：` : '全部三级指标：'}已完成 ${c.done} 项 / 适用 ${c.applicable} 项（不涉及 ${c.na} 项不计入）${target !== null ? `；目标 ${tgtText}，${c.ratio !== null && c.ratio >= target ? '已达到' : `还差 ${Math.max(0, Math.ceil(target * c.applicable - 1e-9) - c.done)} 项`}` : ''}`,
        }),
      ),
      bar(c.ratio, target),
      data.target ? h('p', { class: 'muted', text: `目标 ${tgtText} 取自工作推进方案“${data.target.title}”：“${data.target.text}”（${data.target.source.file} 第 ${data.target.source.lines[0]} 行）。完成度 = 已完成 ÷（全部 − 不涉及），只计三级指标；${extra.filter(Boolean).join('，')}。` }) : h('p', { class: 'muted', text: '方案未给出完成度目标。' }),
      h('h3', { text: unitView ? `${unitView}：按领域` : '按领域' }),
      h('ul', { class: 'sc-bars', 'aria-label': '各领域完成度' }, ...areas.map((a) => h('li', {}, h('span', { text: a.label }), bar(a.ratio, target), h('span', { class: 'fig', text: `${percent(a.ratio)}（${a.done}/${a.applicable}）` })))),
      unitView ? null : h('h3', { text: '按责任单位' }),
      unitView ? null : lazyDetails('units', `${units.length} 个责任单位，其中 ${below.length} 个低于目标 ${tgtText}：各单位完成度（由低到高）`, unitBars),
      h('h3', { text: '未达到目标的原因' }),
      below.length
        ? unitView
          ? gapList()
          : lazyDetails('gap', `${below.length} 个单位低于目标：各单位仍未完成的事项`, gapList)
        : h('p', { text: target === null ? '方案未给出完成度目标。' : unitView ? `${unitView}已达到 ${tgtText}。` : `所有单位都已达到 ${tgtText}。` }),
    );
    morphChildren($('sc-summary'), next);
  }
  $('sc-summary').addEventListener(
    'toggle',
    (e) => {
      const d = e.target as HTMLDetailsElement;
      const key = d.dataset?.key as 'units' | 'gap' | undefined;
      if (!key || unitsOpen[key] === d.open) return;
      unitsOpen[key] = d.open;
      if (d.open) renderSummary();
    },
    true,
  );

  // ------------------------------------------------------------------ filters
  const filter = { q: '', area: '', unit: ledger.unit ?? '', status: '' };
  const qIn = $<HTMLInputElement>('sc-q');
  const areaSel = $<HTMLSelectElement>('sc-area');
  const unitSel = $<HTMLSelectElement>('sc-unit');
  const statusSel = $<HTMLSelectElement>('sc-status');
  const groups = [...new Map(items.map((i) => [i.group, i.area ?? (i.kind === 'bonus' ? '加分项' : '否决项')])).entries()];
  areaSel.replaceChildren(h('option', { value: '', text: '全部领域' }), ...groups.map(([k, label]) => h('option', { value: k, text: label })));
  statusSel.replaceChildren(
    h('option', { value: '', text: '全部状态' }),
    h('option', { value: 'open', text: '尚未完成（未开始、推进中）' }),
    h('option', { value: 'late', text: '逾期' }),
    ...ITEM_STATUSES.map((s) => h('option', { value: s, text: STATUS_TEXT[s] })),
  );
  function renderUnitOptions() {
    unitSel.replaceChildren(h('option', { value: '', text: '全部单位' }), ...allUnits(ledger, items).map((u) => h('option', { value: u, text: u })));
    unitSel.value = filter.unit;
  }
  {
    const p = new URLSearchParams(location.search);
    filter.q = p.get('q') ?? '';
    filter.area = p.get('area') ?? '';
    if (p.has('unit')) filter.unit = p.get('unit') ?? '';
    filter.status = p.get('status') ?? '';
    qIn.value = filter.q;
    areaSel.value = filter.area;
    statusSel.value = filter.status;
  }
  const haystack = new Map(items.map((i) => [i.id, norm([i.label, i.text, ...i.materials, ...i.units, i.unitNote ?? ''].join('\n'))]));
  function visible(i: LedgerIndicator): boolean {
    const s = statusOf(ledger, i);
    if (filter.area && i.group !== filter.area) return false;
    if (filter.unit && !unitsOf(ledger, i).includes(filter.unit)) return false;
    if (filter.status === 'open' && !(s === 'todo' || s === 'doing')) return false;
    if (filter.status === 'late' && !isOverdue(itemDue(ledger, i, stages), today)) return false;
    if (filter.status && (ITEM_STATUSES as string[]).includes(filter.status) && s !== filter.status) return false;
    const q = norm(filter.q);
    if (q && !haystack.get(i.id)!.includes(q) && !norm(unitsOf(ledger, i).join('、')).includes(q)) return false;
    return true;
  }
  let markedQ = '';
  function applyFilter() {
    let n = 0;
    const remark = filter.q !== markedQ;
    markedQ = filter.q;
    for (const i of items) {
      const el = rows.get(i.id)!;
      const ok = visible(i);
      el.hidden = !ok;
      if (ok) n++;
      // keyword matches marked in the indicator text, as on /indicators/
      if (remark) fill(el.querySelector('.sc-text')!, ...highlight(i.text, filter.q).map((x) => (x.mark ? h('mark', { class: 'hit', text: x.text }) : x.text)));
    }
    for (const [key, head] of groupHeads) head.hidden = !items.some((i) => i.group === key && !rows.get(i.id)!.hidden);
    $('sc-count').textContent = `显示 ${n} / ${items.length} 项`;
    markView();
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v && !(k === 'unit' && v === (ledger.unit ?? ''))) p.set(k, v);
    const search = p.toString() ? `?${p}` : '';
    if (location.search !== search) history.replaceState(null, '', location.pathname + search + location.hash);
  }
  $('sc-filter').addEventListener('input', () => {
    Object.assign(filter, { q: qIn.value, area: areaSel.value, unit: unitSel.value, status: statusSel.value });
    applyFilter();
    renderSummary();
  });
  $('sc-filter').addEventListener('submit', (e) => e.preventDefault());
  // 查看方式: shortcuts for the filters (by 责任单位 = one unit's rows; what is still open; what is overdue)
  const viewButtons = [...document.querySelectorAll<HTMLButtonElement>('.sc-views button')];
  function markView() {
    const v = filter.status === 'open' ? 'open' : filter.status === 'late' ? 'late' : filter.unit ? 'unit' : !filter.q && !filter.area && !filter.status ? 'all' : '';
    for (const b of viewButtons) b.setAttribute('aria-pressed', String(b.dataset.view === v));
  }
  document.querySelector('.sc-views')!.addEventListener('click', (e) => {
    const v = (e.target as HTMLElement).closest('button')?.dataset.view;
    if (!v) return;
    if (v === 'unit') {
      filter.unit ||= ledger.unit ?? allUnits(ledger, items)[0] ?? '';
      filter.status = '';
    } else Object.assign(filter, { q: '', area: '', status: v === 'all' ? '' : v, unit: v === 'all' ? '' : filter.unit });
    qIn.value = filter.q;
    areaSel.value = filter.area;
    statusSel.value = filter.status;
    unitSel.value = filter.unit;
    applyFilter();
    renderSummary();
    if (v === 'unit') unitSel.focus();
  });
  $('sc-reset').addEventListener('click', () => {
    Object.assign(filter, { q: '', area: '', unit: ledger.unit ?? '', status: '' });
    qIn.value = areaSel.value = statusSel.value = '';
    unitSel.value = filter.unit;
    applyFilter();
    renderSummary();
  });

  // ------------------------------------------------------------------ item rows
  const rows = new Map<string, HTMLElement>();
  const groupHeads = new Map<string, HTMLElement>();
  const list = $('sc-list');

  function rowMeta(i: LedgerIndicator): Child[] {
    const m = materialsReady(ledger, i);
    const open = ledger.problems.filter((p) => p.item === i.id && !p.closed).length;
    const due = itemDue(ledger, i, stages);
    const late = isOverdue(due, today);
    return [
      `责任单位：${unitsOf(ledger, i).join('、') || '（未定）'}`,
      getField<string>(ledger, i, 'person') ? ` · 责任人：${getField<string>(ledger, i, 'person')}` : '',
      m.total ? ` · 材料 ${m.ready}/${m.total} 已备齐` : ' · 无需提供材料',
      due ? ` · ${due.from === 'own' ? '完成时限' : `按“${due.label}”`} ${due.date}` : '',
      ' ',
      late ? h('span', { class: 'sc-badge late', text: '逾期' }) : null,
      open ? h('span', { class: 'sc-badge open', text: `${open} 个问题整改中` }) : null,
      i.notice === 'done' ? h('span', { class: 'muted', text: ' · 通知中标为已完成' }) : null,
    ];
  }
  function refreshRow(i: LedgerIndicator) {
    const el = rows.get(i.id)!;
    const s = statusOf(ledger, i);
    el.dataset.status = s;
    el.classList.toggle('overdue', isOverdue(itemDue(ledger, i, stages), today));
    const sel = el.querySelector<HTMLSelectElement>('select[data-k="status"]')!;
    if (sel.value !== s) sel.value = s;
    el.querySelector('.sc-meta')!.replaceChildren(...rowMeta(i).filter((x): x is Node | string => Boolean(x)));
  }
  function buildRows() {
    rows.clear();
    groupHeads.clear();
    const frag = document.createDocumentFragment();
    let g = '';
    for (const i of items) {
      if (i.group !== g) {
        g = i.group;
        const head = h('h3', { class: 'sc-group', id: `grp-${g}`, text: i.area ?? (i.kind === 'bonus' ? '加分项' : '否决项') });
        groupHeads.set(g, head);
        frag.append(head);
      }
      const sel = h('select', { 'aria-label': `${i.label} 状态`, 'data-k': 'status', 'data-id': i.id }, ...ITEM_STATUSES.map((s) => h('option', { value: s, text: STATUS_TEXT[s] })));
      const det = h('details', { 'data-id': i.id }, h('summary', { text: '填报与整改（责任人、时限、材料、问题）' }));
      const row = h(
        'article',
        { class: 'sc-item', id: `item-${i.id}`, 'aria-labelledby': `item-${i.id}-h` },
        h('div', { class: 'sc-item-head' }, h('h4', { id: `item-${i.id}-h` }, h('a', { href: `${data.links.indicator}${i.id}/`, text: i.label })), h('span', { class: 'st' }, h('span', { 'aria-hidden': 'true', text: '状态' }), sel)),
        h('p', { class: 'sc-text', text: i.text }),
        h('p', { class: 'sc-meta' }),
        det,
      );
      rows.set(i.id, row);
      frag.append(row);
    }
    list.replaceChildren(frag);
    markedQ = '';
    for (const i of items) refreshRow(i);
  }

  /** The editing form of one item, built when its <details> opens. */
  function buildEditor(i: LedgerIndicator): HTMLElement {
    const id = (k: string) => `f-${i.id}-${k.replace('.', '-')}`;
    const field = (k: string, label: string, input: HTMLElement, wide = false) => h('div', { class: `field${wide ? ' wide' : ''}` }, h('label', { for: id(k), text: label }), input);
    const val = (k: string) => String(getField(ledger, i, k) ?? '');
    const box = h('div', { class: 'sc-editor' });
    box.append(
      h(
        'div',
        { class: 'sc-edit' },
        field('units', '责任单位（用“、”分隔）', h('input', { id: id('units'), 'data-k': 'units', 'data-id': i.id, value: unitsOf(ledger, i).join('、'), 'aria-label': `${i.label} 责任单位` })),
        field('person', '责任人', h('input', { id: id('person'), 'data-k': 'person', 'data-id': i.id, value: val('person'), 'aria-label': `${i.label} 责任人` })),
        field('due', '完成时限', h('input', { id: id('due'), type: 'date', 'data-k': 'due', 'data-id': i.id, value: val('due'), 'aria-label': `${i.label} 完成时限` })),
        field('note', '备注（未完成的原因、进展）', h('textarea', { id: id('note'), 'data-k': 'note', 'data-id': i.id, rows: 2, 'aria-label': `${i.label} 备注`, text: val('note') }), true),
      ),
    );
    if (i.unitNote) box.append(h('p', { class: 'muted', text: `通知中的责任单位备注：${i.unitNote}` }));
    if (i.materials.length) {
      const fs = h('fieldset', { class: 'sc-mats' }, h('legend', { text: '填报材料' }));
      i.materials.forEach((m, n) => {
        const chk = h('input', { type: 'checkbox', id: id(`ready.${n}`), 'data-k': `ready.${n}`, 'data-id': i.id, 'aria-describedby': id(`mat.${n}`) });
        chk.checked = Boolean(getField(ledger, i, `ready.${n}`));
        const mat = h(
          'div',
          { class: 'sc-mat' },
          h('p', { id: id(`mat.${n}`), text: `${i.materials.length > 1 ? `${n + 1}. ` : ''}${m}` }),
          h('label', { class: 'chk', for: id(`ready.${n}`) }, chk, `已备齐`),
          h('div', { class: 'field' }, h('label', { for: id(`evidence.${n}`), text: '佐证材料（文件名或链接）' }), h('input', { id: id(`evidence.${n}`), 'data-k': `evidence.${n}`, 'data-id': i.id, value: val(`evidence.${n}`) })),
        );
        if (i.statements.includes(n)) {
          const ta = h('textarea', { id: id(`text.${n}`), 'data-k': `text.${n}`, 'data-id': i.id, rows: 5, 'aria-describedby': id(`words.${n}`), text: val(`text.${n}`) });
          const w = checkWords(val(`text.${n}`), i.words);
          mat.append(
            h('div', { class: 'field' }, h('label', { for: id(`text.${n}`), text: `情况说明${i.words ? `（${i.words.text}）` : ''}` }), ta),
            h('p', { class: `sc-words${w.over ? ' over' : ''}`, id: id(`words.${n}`), 'aria-live': 'polite', text: w.message }),
          );
        }
        fs.append(mat);
      });
      box.append(fs);
    } else box.append(h('p', { class: 'muted', text: '通知中本项无需提供申报材料。' }));
    // problems of this item + add form
    const pf = h(
      'form',
      { class: 'sc-pbox', 'data-id': i.id, 'aria-label': `${i.label} 添加问题` },
      h('h5', { text: '添加问题（问题清单）' }),
      h(
        'div',
        { class: 'sc-edit' },
        field('pdesc', '问题描述', h('textarea', { id: id('pdesc'), name: 'desc', rows: 2, required: true }), true),
        field('pmeasure', '整改措施', h('textarea', { id: id('pmeasure'), name: 'measure', rows: 2 }), true),
        field('punits', '责任单位', h('input', { id: id('punits'), name: 'units', value: unitsOf(ledger, i).join('、') })),
        field('pperson', '责任人', h('input', { id: id('pperson'), name: 'person', value: val('person') })),
        field('pdeadline', '完成时限', h('input', { id: id('pdeadline'), name: 'deadline', type: 'date' })),
      ),
      h('button', { type: 'submit', text: '添加到问题清单' }),
      h('div', { class: 'sc-item-problems' }),
    );
    box.append(pf);
    renderItemProblems(i, pf.querySelector('.sc-item-problems')!);
    return box;
  }
  function renderItemProblems(i: LedgerIndicator, root: Element) {
    const ps = ledger.problems.filter((p) => p.item === i.id);
    root.replaceChildren(...(ps.length ? [h('ul', {}, ...ps.map((p) => h('li', { text: problemText(p) })))] : []));
  }

  function onEdit(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement) {
    const key = el.dataset.k;
    const i = byId.get(el.dataset.id ?? '');
    if (!key || !i) return;
    const now = nowIso();
    let value: unknown;
    if (key === 'units') value = splitUnits(el.value);
    else if (el instanceof HTMLInputElement && el.type === 'checkbox') value = el.checked;
    else value = el.value;
    setField(ledger, i.id, key, value, now);
    if (key.startsWith('text.')) {
      const w = checkWords(el.value, i.words);
      const out = document.getElementById(`f-${i.id}-words-${key.split('.')[1]}`);
      if (out) {
        out.textContent = w.message;
        out.classList.toggle('over', w.over);
      }
    }
    save();
    refreshRow(i);
    if (key === 'status' || key === 'units' || key === 'due') {
      renderSummary();
      if (filter.status || filter.unit) applyFilter();
      if (key !== 'status') renderProblems();
    }
    if (key === 'units') renderUnitOptions();
  }
  list.addEventListener('change', (e) => {
    const el = e.target as HTMLInputElement;
    if (el.dataset?.k) onEdit(el);
  });
  list.addEventListener('input', (e) => {
    const el = e.target as HTMLInputElement;
    if (el.dataset?.k && (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && !['checkbox', 'date'].includes(el.type)))) onEdit(el);
  });
  list.addEventListener(
    'toggle',
    (e) => {
      const det = e.target as HTMLDetailsElement;
      if (det.tagName !== 'DETAILS' || !det.open || det.dataset.built) return;
      det.dataset.built = '1';
      det.append(buildEditor(byId.get(det.dataset.id!)!));
    },
    true,
  );
  list.addEventListener('submit', (e) => {
    const form = e.target as HTMLFormElement;
    if (!form.classList.contains('sc-pbox')) return;
    e.preventDefault();
    const i = byId.get(form.dataset.id!)!;
    const f = new FormData(form);
    const desc = String(f.get('desc') ?? '').trim();
    if (!desc) return;
    addProblem(ledger, { item: i.id, desc, measure: String(f.get('measure') ?? '').trim(), units: splitUnits(String(f.get('units') ?? '')), person: String(f.get('person') ?? '').trim(), deadline: String(f.get('deadline') ?? '') }, nowIso());
    save();
    (form.querySelector('[name=desc]') as HTMLTextAreaElement).value = '';
    (form.querySelector('[name=measure]') as HTMLTextAreaElement).value = '';
    renderItemProblems(i, form.querySelector('.sc-item-problems')!);
    refreshRow(i);
    renderProblems();
    savedEl.textContent = `已添加问题到问题清单（${i.label}）`;
  });

  // ------------------------------------------------------------------ problems (整改台账)
  const pstate = { show: 'open' as 'open' | 'all' };
  function renderProblems() {
    const root = $('sc-problem-list');
    const ps = ledger.problems.filter((p) => !filter.unit || p.units.includes(filter.unit) || (byId.get(p.item) && unitsOf(ledger, byId.get(p.item)!).includes(filter.unit)));
    const shown = pstate.show === 'open' ? ps.filter((p) => !p.closed) : ps;
    const late = ps.filter((p) => isOverdue(problemDue(p, stages), today)).length;
    const toggle = h('button', { type: 'button', 'data-pact': 'toggle', text: pstate.show === 'open' ? '显示全部（含已销号）' : '只显示整改中' });
    const cell = (label: string, ...kids: Child[]) => h('td', { 'data-label': label }, ...kids);
    root.replaceChildren(
      h('p', {}, `共 ${ps.length} 个问题：整改中 ${ps.filter((p) => !p.closed).length} 个（逾期 ${late} 个），已销号 ${ps.filter((p) => p.closed).length} 个。 `, ps.length ? toggle : null),
      shown.length
        ? h(
            'div',
            { class: 'sc-scroll' },
            h(
              'table',
              { class: 'sc-ptable' },
              h('caption', { class: 'vh', text: '问题清单与整改台账' }),
              h('thead', {}, h('tr', {}, ...['指标', '问题描述', '整改措施', '责任单位 / 责任人', '完成时限', '状态', '操作'].map((t) => h('th', { scope: 'col', text: t })))),
              h(
                'tbody',
                {},
                ...shown.map((p) => {
                  const ind = byId.get(p.item);
                  const due = problemDue(p, stages);
                  const isLate = isOverdue(due, today);
                  return h(
                    'tr',
                    { class: p.closed ? 'closed' : '', 'data-pid': p.id },
                    h('th', { scope: 'row' }, ind ? h('a', { href: `#item-${ind.id}`, text: ind.label }) : p.item),
                    cell('问题描述', p.desc),
                    cell('整改措施', p.measure || '—'),
                    cell('责任单位 / 责任人', `${p.units.join('、') || '—'}${p.person ? ` / ${p.person}` : ''}`),
                    cell('完成时限', due ? `${due.date}${due.from === 'own' ? '' : `（按“${due.label}”）`} ` : p.deadline || '—', isLate ? h('span', { class: 'sc-badge late', text: '逾期' }) : null),
                    cell('状态', p.closed ? `已销号（${p.closed}）` : '整改中'),
                    cell(
                      '操作',
                      p.closed
                        ? h('button', { type: 'button', 'data-pact': 'reopen', 'aria-label': `恢复整改：${ind?.label ?? ''} ${p.desc.slice(0, 12)}`, text: '恢复为整改中' })
                        : h(
                            'span',
                            { class: 'sc-close' },
                            h('input', { type: 'date', value: today, 'aria-label': `销号日期：${ind?.label ?? ''} ${p.desc.slice(0, 12)}` }),
                            h('button', { type: 'button', 'data-pact': 'close', text: '销号' }),
                          ),
                      ' ',
                      h('button', { type: 'button', 'data-pact': 'delete', class: 'danger', 'aria-label': `删除问题：${ind?.label ?? ''} ${p.desc.slice(0, 12)}`, text: '删除' }),
                    ),
                  );
                }),
              ),
            ),
          )
        : h('p', { class: 'muted', text: ps.length ? '没有整改中的问题。' : '还没有登记问题。' }),
    );
  }
  $('sc-problem-list').addEventListener('click', (e) => {
    const btn = (e.target as HTMLElement).closest('button');
    const act = btn?.dataset.pact;
    if (!act) return;
    if (act === 'toggle') {
      pstate.show = pstate.show === 'open' ? 'all' : 'open';
      renderProblems();
      return;
    }
    const tr = btn!.closest('tr')!;
    const id = tr.dataset.pid!;
    const p = ledger.problems.find((x) => x.id === id)!;
    if (act === 'close') closeProblem(ledger, id, (tr.querySelector('input[type=date]') as HTMLInputElement).value || today, nowIso());
    else if (act === 'reopen') reopenProblem(ledger, id, nowIso());
    else if (act === 'delete') {
      if (!confirm('删除这个问题？（登记错误时使用；已整改的问题请“销号”）')) return;
      removeProblem(ledger, id, nowIso());
    }
    save();
    renderProblems();
    const ind = byId.get(p.item);
    if (ind) {
      refreshRow(ind);
      const det = rows.get(ind.id)?.querySelector('.sc-item-problems');
      if (det) renderItemProblems(ind, det);
    }
  });

  // ------------------------------------------------------------------ export
  const exportStatus = $('sc-export-status');
  const stamp = () => today.replace(/-/g, '');
  const report = (): Report => buildReport({ ledger, items, stages, target, today, unit: filter.unit || undefined });
  document.querySelector('.sc-buttons')!.addEventListener('click', async (e) => {
    const btn = (e.target as HTMLElement).closest('button');
    const kind = btn?.dataset.export;
    if (!btn || !kind) return;
    if (kind === 'json') {
      download(`${ledger.name}-自查台账-${stamp()}.json`, serializeLedger(ledger), 'application/json');
      exportStatus.textContent = '已导出台账文件（JSON）。';
      return;
    }
    if (kind === 'print') {
      renderReport(report());
      return;
    }
    btn.disabled = true;
    exportStatus.textContent = '正在生成文件…';
    try {
      const { ledgerXlsx, reportDocx } = await import('../lib/ledger-export');
      if (kind === 'xlsx') download(`${ledger.name}-整改台账-${stamp()}.xlsx`, (await ledgerXlsx(report(), serializeLedger(ledger))) as BlobPart, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      else download(`${ledger.name}-自查自评报告-${stamp()}.docx`, (await reportDocx(report())) as BlobPart, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      exportStatus.textContent = kind === 'xlsx' ? '已生成 Excel 文件（整改台账、自查台账、完成度）。' : '已生成自查自评报告（Word）。';
    } catch (err) {
      exportStatus.textContent = `生成失败：${(err as Error).message}`;
    } finally {
      btn.disabled = false;
    }
  });

  /** Print view: the same content as the .docx report. */
  function renderReport(r: Report) {
    const sec = $('sc-report');
    const table = (head: string[], body: string[][]) =>
      h('div', { class: 'sc-scroll' }, h('table', {}, h('thead', {}, h('tr', {}, ...head.map((t) => h('th', { scope: 'col', text: t })))), h('tbody', {}, ...body.map((cells) => h('tr', {}, ...cells.map((t) => h('td', { text: t })))))));
    fill(
      sec,
      h('div', { class: 'actions no-print' }, h('button', { type: 'button', id: 'sc-do-print', text: '打印' }), ' ', h('button', { type: 'button', id: 'sc-close-report', text: '关闭报告' })),
      ...reportBlocks(r).map((b) =>
        b.kind === 'title'
          ? h('h2', { id: 'sc-report-h', text: b.text })
          : b.kind === 'heading'
            ? h('h3', { text: b.text })
            : b.kind === 'table'
              ? table(b.head, b.rows)
              : h('p', { text: b.text }),
      ),
    );
    sec.hidden = false;
    sec.focus();
    $('sc-do-print').addEventListener('click', () => {
      document.body.classList.add('sc-printing');
      window.print();
    });
    $('sc-close-report').addEventListener('click', () => {
      sec.hidden = true;
      (document.querySelector('[data-export=print]') as HTMLElement).focus();
    });
  }
  window.addEventListener('afterprint', () => document.body.classList.remove('sc-printing'));

  // ------------------------------------------------------------------ import
  const importIn = $<HTMLInputElement>('sc-import');
  const importErr = $('sc-import-error');
  const preview = $('sc-preview');
  const previewBody = $('sc-preview-body');
  let pending: { files: { name: string; ledger: Ledger }[]; plan: MergePlan } | null = null;

  const describeValue = (c: Conflict, v: Stamp | Problem | undefined) => (c.kind === 'problem' ? problemText(v as Problem | undefined) : valueText(c.key, (v as Stamp | undefined)?.v));
  importIn.addEventListener('change', async () => {
    importErr.textContent = '';
    preview.hidden = true;
    pending = null;
    const files = [...(importIn.files ?? [])];
    if (!files.length) return;
    const parsed: { name: string; ledger: Ledger }[] = [];
    const errors: string[] = [];
    for (const f of files) {
      let r: ReturnType<typeof parseLedgerText>;
      if (f.size > 20 * 1024 * 1024) r = { ok: false, error: '文件太大（超过 20 MB），不是台账文件。' };
      else if (/\.xlsx$/i.test(f.name)) {
        // an Excel file exported here carries the ledger in a hidden sheet (exceljs, loaded only now)
        const { ledgerTextFromXlsx } = await import('../lib/ledger-export');
        const x = await ledgerTextFromXlsx(await f.arrayBuffer());
        r = x.ok ? parseLedgerText(x.text) : x;
      } else r = parseLedgerText(await f.text());
      if (r.ok) parsed.push({ name: f.name, ledger: r.ledger });
      else errors.push(`${f.name}：${r.error}`);
    }
    importIn.value = '';
    if (errors.length) {
      importErr.textContent = `未导入，台账没有任何改动。\n${errors.join('\n')}`;
      return;
    }
    const plan = planMerge(ledger, parsed);
    pending = { files: parsed, plan };
    const fieldName = (item: string, key: string) => `${byId.get(item)?.label ?? item} ${fieldLabel(byId.get(item), key)}`;
    const changeLines = plan.changes.map((c) =>
      c.kind === 'field'
        ? `${fieldName(c.item, c.key)}：${valueText(c.key, c.from?.v ?? (byId.get(c.item) ? getField(ledger, byId.get(c.item)!, c.key) : undefined))} → ${valueText(c.key, c.to.v)}（${c.source}）`
        : `${byId.get(c.item)?.label ?? c.item} 问题：${c.from ? '更新' : '新增'}“${problemText(c.to)}”（${c.source}）`,
    );
    const single = parsed.length === 1;
    const exists = single && store.list().some((x) => x.id === parsed[0]!.ledger.id);
    fill(previewBody,
      h('p', {}, `已检查 ${parsed.length} 个文件：${parsed.map((p) => `${p.name}（台账“${p.ledger.name}”）`).join('、')}。`),
      single
        ? h(
            'fieldset',
            {},
            h('legend', { text: '导入方式' }),
            h('label', {}, h('input', { type: 'radio', name: 'sc-mode', value: 'merge', checked: true }), ` 合并到当前台账“${ledger.name}”`),
            h('label', {}, h('input', { type: 'radio', name: 'sc-mode', value: 'new' }), exists && parsed[0]!.ledger.id !== ledger.id ? ` 替换本浏览器中同一台账“${parsed[0]!.ledger.name}”` : exists ? ' 用文件内容替换当前台账' : ` 作为单独的台账“${parsed[0]!.ledger.name}”打开`),
          )
        : null,
      h('p', { id: 'sc-preview-summary' }, `合并到当前台账“${ledger.name}”：${plan.changes.length} 处更改，${plan.conflicts.length} 处冲突需要选择。`),
      changeLines.length ? h('ul', { 'aria-label': '将要发生的更改' }, ...changeLines.map((t) => h('li', { text: t }))) : h('p', { text: '没有新的内容（文件与当前台账一致）。' }),
      ...plan.conflicts.map((c, n) =>
        h(
          'fieldset',
          { class: 'sc-conflict' },
          h('legend', { text: `冲突 ${n + 1}：${c.kind === 'field' ? fieldName(c.item, c.key) : `${byId.get(c.item)?.label ?? c.item} 的一个问题`} — 填法不一致，请选择保留哪一个` }),
          ...c.options.map((o, k) => h('label', {}, h('input', { type: 'radio', name: `sc-conflict-${n}`, value: k }), ` ${o.source}：${describeValue(c, o.value)}`)),
        ),
      ),
    );
    preview.hidden = false;
    preview.focus();
  });
  $('sc-cancel').addEventListener('click', () => {
    preview.hidden = true;
    pending = null;
    importIn.focus();
  });
  $('sc-apply').addEventListener('click', () => {
    if (!pending) return;
    const mode = (preview.querySelector('input[name=sc-mode]:checked') as HTMLInputElement | null)?.value ?? 'merge';
    if (mode === 'new') {
      const l = pending.files[0]!.ledger;
      store.save(l);
      switchTo(l);
    } else {
      const choices = pending.plan.conflicts.map((_, n) => {
        const c = preview.querySelector<HTMLInputElement>(`input[name=sc-conflict-${n}]:checked`);
        return c ? Number(c.value) : undefined;
      });
      const missing = choices.findIndex((c) => c === undefined);
      if (missing >= 0) {
        importErr.textContent = `还有冲突没有选择（冲突 ${missing + 1}）。请为每处冲突选择保留哪一个，或取消导入。`;
        preview.querySelector<HTMLInputElement>(`input[name=sc-conflict-${missing}]`)?.focus();
        return;
      }
      ledger = applyMerge(ledger, pending.plan, choices as number[], nowIso());
      save();
      renderAll();
    }
    importErr.textContent = '';
    $('sc-export-status').textContent = `已导入 ${pending.files.length} 个文件（${mode === 'new' ? '作为单独的台账' : `${pending.plan.changes.length} 处更改，${pending.plan.conflicts.length} 处冲突已按选择处理`}）。`;
    pending = null;
    preview.hidden = true;
  });

  // ------------------------------------------------------------------ everything
  function renderAll() {
    renderLedgers();
    renderUnitOptions();
    renderStages();
    buildRows();
    applyFilter();
    renderSummary();
    renderProblems();
    if (orphans.length) errorBox.textContent = `本台账中有 ${orphans.length} 项在当前指标清单中找不到（${orphans.join('、')}），其内容仍保存在台账文件中。`;
  }
  renderAll();
  if (opened.migratedFrom) savedEl.textContent = `已把旧版本（版本 ${opened.migratedFrom}）的台账升级保存`;
  // for scripts/bench.ts and the tests: the page is ready
  document.documentElement.dataset.selfcheck = 'ready';
}
