/**
 * Several ledgers side by side in the browser's localStorage (one per 乡镇 or unit), and which one
 * is open. Every ledger is stored as its file text (serializeLedger) under `cjzl-ledger:<id>` and is
 * read back through parseLedgerText, so what an older build stored is migrated like an old file.
 * Storage is injected (a Map-backed stand-in in the tests).
 */
import { newLedger, type Ledger } from './ledger';
import { parseLedgerText, serializeLedger, type ParseResult } from './ledger-schema';

export interface KV {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const INDEX_KEY = 'cjzl-ledger-index';
export const ledgerKey = (id: string) => `cjzl-ledger:${id}`;

export interface LedgerEntry {
  id: string;
  name: string;
  unit: string | null;
}
interface Index {
  version: 1;
  current: string | null;
  ledgers: LedgerEntry[];
}

export class LedgerStore {
  constructor(private kv: KV) {}

  private index(): Index {
    try {
      const raw = JSON.parse(this.kv.getItem(INDEX_KEY) ?? 'null') as Index | null;
      if (raw && raw.version === 1 && Array.isArray(raw.ledgers)) return raw;
    } catch {
      /* rebuilt below */
    }
    return { version: 1, current: null, ledgers: [] };
  }
  private writeIndex(ix: Index) {
    this.kv.setItem(INDEX_KEY, JSON.stringify(ix));
  }

  list(): LedgerEntry[] {
    return this.index().ledgers;
  }
  currentId(): string | null {
    const ix = this.index();
    return ix.current && ix.ledgers.some((l) => l.id === ix.current) ? ix.current : (ix.ledgers[0]?.id ?? null);
  }
  setCurrent(id: string) {
    const ix = this.index();
    ix.current = id;
    this.writeIndex(ix);
  }

  load(id: string): ParseResult {
    const text = this.kv.getItem(ledgerKey(id));
    if (text === null) return { ok: false, error: `本浏览器里没有这个台账（${id}）。` };
    return parseLedgerText(text);
  }

  /** Writes the ledger (throws when the storage is full or blocked) and its index entry. */
  save(l: Ledger): void {
    this.kv.setItem(ledgerKey(l.id), serializeLedger(l));
    const ix = this.index();
    const e = ix.ledgers.find((x) => x.id === l.id);
    if (e) Object.assign(e, { name: l.name, unit: l.unit });
    else ix.ledgers.push({ id: l.id, name: l.name, unit: l.unit });
    ix.current ??= l.id;
    this.writeIndex(ix);
  }

  remove(id: string) {
    this.kv.removeItem(ledgerKey(id));
    const ix = this.index();
    ix.ledgers = ix.ledgers.filter((l) => l.id !== id);
    if (ix.current === id) ix.current = ix.ledgers[0]?.id ?? null;
    this.writeIndex(ix);
  }

  /**
   * The ledger to open: the current one (migrated and re-saved when it was stored by an older
   * build), or a new one named `defaultName`. A stored ledger that cannot be read is left in place
   * (never overwritten) and reported in `error`; a new ledger is opened beside it.
   */
  open(now: string, defaultName: string): { ledger: Ledger; error?: string; migratedFrom?: number } {
    const id = this.currentId();
    if (id) {
      const r = this.load(id);
      if (r.ok) {
        if (r.migratedFrom !== null) this.save(r.ledger);
        return { ledger: r.ledger, ...(r.migratedFrom !== null ? { migratedFrom: r.migratedFrom } : {}) };
      }
      const fresh = newLedger(defaultName, null, now);
      this.save(fresh);
      this.setCurrent(fresh.id);
      return { ledger: fresh, error: `无法读取已保存的台账“${this.list().find((l) => l.id === id)?.name ?? id}”：${r.error}` };
    }
    const fresh = newLedger(defaultName, null, now);
    this.save(fresh);
    this.setCurrent(fresh.id);
    return { ledger: fresh };
  }
}
