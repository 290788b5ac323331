/**
 * The ledger file format, validated with zod (zod/mini: the same library as the content schemas,
 * in its tree-shakable form, ~5 KiB in the browser), and the migrations between its versions.
 *
 *   version 1 — the first layout: statuses as Chinese labels, one `materials` list per item,
 *               problems with 整改中/已销号 and no ids, no per-field stamps.
 *   version 2 — (current) every entered field a stamp {v, at, by}, problems with ids, 销号 dates.
 *
 * parseLedgerText() is the one entry point for everything read from outside the page's memory
 * (an imported file, the browser's storage): JSON → format marker → version → schema of that
 * version → migrations up to the current version → schema of the current version. Anything else
 * is refused with a message in Chinese that names the field.
 */
import * as z from 'zod/mini';
import { FIELD_KEY_RE, ITEM_STATUSES, LEDGER_FORMAT, LEDGER_VERSION, type Ledger, type Problem, type Stamp } from './ledger';

const MAX_TEXT = 20000;
const text = () => z.string().check(z.maxLength(MAX_TEXT));
const short = () => z.string().check(z.maxLength(500));
const isoDay = () => z.string().check(z.regex(/^(\d{4}-\d{2}-\d{2})?$/));
const time = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/));
const itemId = () => z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/));

const seen = () => z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(500)));
const stamp = <T extends z.core.SomeType>(v: T) => z.strictObject({ v, at: time(), by: short(), seen: seen() });

/** Value schema of each field key. */
function valueSchemaFor(key: string): z.core.SomeType | null {
  const f = key.split('.')[0];
  if (!FIELD_KEY_RE.test(key)) return null;
  if (f === 'status') return z.enum(ITEM_STATUSES as [string, ...string[]]);
  if (f === 'units') return z.array(short()).check(z.maxLength(50));
  if (f === 'ready') return z.boolean();
  if (f === 'due') return isoDay();
  return text();
}

const anyStamp = stamp(z.union([z.string(), z.boolean(), z.array(z.string())]));

const problemV2 = z.strictObject({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,80}$/)),
  item: itemId(),
  desc: text(),
  measure: text(),
  units: z.array(short()),
  person: short(),
  deadline: isoDay(),
  closed: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  created: time(),
  at: time(),
  by: short(),
  seen: seen(),
});

export const ledgerV2Schema = z.strictObject({
  format: z.literal(LEDGER_FORMAT),
  version: z.literal(2),
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,80}$/)),
  name: short().check(z.minLength(1)),
  unit: z.nullable(short()),
  created: time(),
  updated: time(),
  items: z.record(itemId(), z.record(z.string().check(z.regex(FIELD_KEY_RE)), anyStamp)),
  problems: z.array(problemV2).check(z.maxLength(5000)),
});

const STATUS_V1 = ['未开始', '推进中', '已完成', '不涉及'] as const;
export const ledgerV1Schema = z.strictObject({
  format: z.literal(LEDGER_FORMAT),
  version: z.literal(1),
  name: short().check(z.minLength(1)),
  unit: z.optional(z.nullable(short())),
  saved: time(),
  items: z.record(
    itemId(),
    z.strictObject({
      status: z.optional(z.enum(STATUS_V1)),
      units: z.optional(z.array(short())),
      person: z.optional(short()),
      due: z.optional(isoDay()),
      note: z.optional(text()),
      materials: z.optional(z.array(z.strictObject({ ready: z.boolean(), evidence: z.optional(text()), text: z.optional(text()) }))),
    }),
  ),
  problems: z.array(
    z.strictObject({
      item: itemId(),
      desc: text(),
      measure: z.optional(text()),
      units: z.optional(z.array(short())),
      person: z.optional(short()),
      deadline: z.optional(isoDay()),
      status: z.enum(['整改中', '已销号']),
      closedOn: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
    }),
  ),
});

type LedgerV1 = z.infer<typeof ledgerV1Schema>;

/** FNV-1a (32 bit) as hex: stable ids for records of version 1, which had none. */
function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** Version 1 → 2: stamp every entered field with the file's save time; give the ledger and its problems stable ids. */
export function migrateV1(v1: LedgerV1): Ledger {
  const id = `l-v1-${fnv(v1.name + '|' + v1.saved)}`;
  const st = <T>(v: T): Stamp<T> => ({ v, at: v1.saved, by: id });
  const items: Ledger['items'] = {};
  const statusCode = { 未开始: 'todo', 推进中: 'doing', 已完成: 'done', 不涉及: 'na' } as const;
  for (const [item, f] of Object.entries(v1.items)) {
    const out: Record<string, Stamp> = {};
    if (f.status) out.status = st(statusCode[f.status]);
    if (f.units) out.units = st(f.units);
    if (f.person) out.person = st(f.person);
    if (f.due) out.due = st(f.due);
    if (f.note) out.note = st(f.note);
    f.materials?.forEach((m, i) => {
      if (m.ready) out[`ready.${i}`] = st(true);
      if (m.evidence) out[`evidence.${i}`] = st(m.evidence);
      if (m.text) out[`text.${i}`] = st(m.text);
    });
    if (Object.keys(out).length) items[item] = out;
  }
  const problems: Problem[] = v1.problems.map((p, i) => ({
    id: `p-v1-${fnv(`${id}|${i}|${p.item}|${p.desc}`)}`,
    item: p.item,
    desc: p.desc,
    measure: p.measure ?? '',
    units: p.units ?? [],
    person: p.person ?? '',
    deadline: p.deadline ?? '',
    closed: p.status === '已销号' ? (p.closedOn ?? v1.saved.slice(0, 10)) : null,
    created: v1.saved,
    at: v1.saved,
    by: id,
  }));
  return { format: LEDGER_FORMAT, version: LEDGER_VERSION, id, name: v1.name, unit: v1.unit ?? null, created: v1.saved, updated: v1.saved, items, problems };
}

/** The migration from each older version to the next; a version 3 adds `2: migrateV2` here. */
const MIGRATIONS: Record<number, { schema: z.ZodMiniType; up: (x: never) => unknown }> = {
  1: { schema: ledgerV1Schema, up: migrateV1 as (x: never) => unknown },
};

const CODE_TEXT: Record<string, (i: z.core.$ZodIssue) => string> = {
  invalid_type: (i) => `类型不对（应为 ${(i as { expected?: string }).expected ?? '?'}）`,
  too_big: () => '太长或太多',
  too_small: () => '不能为空',
  invalid_value: (i) => `取值不允许（可用：${((i as { values?: unknown[] }).values ?? []).map(String).join(' / ')}）`,
  invalid_key: () => '字段名不认识',
  unrecognized_keys: (i) => `有不认识的字段：${((i as { keys?: string[] }).keys ?? []).join('、')}`,
  invalid_union: () => '取值类型不对',
  invalid_format: () => '格式不对（日期应为 YYYY-MM-DD）',
};

function describe(issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.slice(0, 5).map((i) => `“${i.path.map(String).join(' › ') || '（整个文件）'}”${(CODE_TEXT[i.code] ?? (() => '不符合要求'))(i)}`);
  return lines.join('；') + (issues.length > 5 ? `；另有 ${issues.length - 5} 处` : '');
}

export type ParseResult = { ok: true; ledger: Ledger; migratedFrom: number | null } | { ok: false; error: string };

/** Validates one parsed value: the current version, or an older one migrated up. */
export function parseLedgerValue(raw: unknown): ParseResult {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || (raw as { format?: unknown }).format !== LEDGER_FORMAT) {
    return { ok: false, error: `不是自查台账文件：缺少标记 "format": "${LEDGER_FORMAT}"。请选择本页“导出台账（JSON）”得到的文件。` };
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: '台账文件没有有效的版本号（version）。' };
  }
  if (version > LEDGER_VERSION) {
    return { ok: false, error: `台账文件的版本 ${version} 比本页支持的版本 ${LEDGER_VERSION} 新：请用更新后的专栏页面导入。` };
  }
  let value: unknown = raw;
  let migratedFrom: number | null = null;
  for (let v = version; v < LEDGER_VERSION; v++) {
    const m = MIGRATIONS[v];
    if (!m) return { ok: false, error: `无法升级版本 ${v} 的台账文件。` };
    const r = m.schema.safeParse(value);
    if (!r.success) return { ok: false, error: `台账文件（版本 ${v}）内容有误：${describe(r.error.issues)}。` };
    value = m.up(r.data as never);
    migratedFrom ??= version;
  }
  const r = ledgerV2Schema.safeParse(value);
  if (!r.success) return { ok: false, error: `台账文件内容有误：${describe(r.error.issues)}。文件未导入，台账没有任何改动。` };
  // Field values: each key has its own type.
  for (const [item, fields] of Object.entries(r.data.items)) {
    for (const [key, s] of Object.entries(fields)) {
      const vs = valueSchemaFor(key)!;
      const ok = (vs as z.ZodMiniType).safeParse(s.v);
      if (!ok.success) return { ok: false, error: `台账文件内容有误：“items › ${item} › ${key}”的取值不对。文件未导入，台账没有任何改动。` };
    }
  }
  return { ok: true, ledger: r.data as Ledger, migratedFrom };
}

/** JSON text (a file, or what the browser stored) → a ledger of the current version, or an error. */
export function parseLedgerText(textIn: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(textIn.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `文件不是有效的 JSON（${(e as Error).message}）。文件未导入，台账没有任何改动。` };
  }
  return parseLedgerValue(raw);
}

/** The file a unit hands in: stable key order, one trailing line break. */
export function serializeLedger(l: Ledger): string {
  const items: Ledger['items'] = {};
  for (const id of Object.keys(l.items).sort()) {
    const f = l.items[id]!;
    if (!Object.keys(f).length) continue;
    items[id] = Object.fromEntries(Object.keys(f).sort().map((k) => [k, f[k]!]));
  }
  const out: Ledger = { format: l.format, version: l.version, id: l.id, name: l.name, unit: l.unit, created: l.created, updated: l.updated, items, problems: l.problems };
  return JSON.stringify(out, null, 1) + '\n';
}
