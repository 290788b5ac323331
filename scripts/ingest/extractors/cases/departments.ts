/**
 * Department category of a unit (城市管理, 市场监管 …), from the declared mapping in departments.yaml.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface DepartmentRule {
  category: string;
  keywords: string[];
}
export interface DepartmentMatch {
  category: string;
  /** The keyword that matched ('' for 其他). */
  keyword: string;
}

export const OTHER_DEPARTMENT = '其他';
export const DEFAULT_DEPARTMENTS_PATH = fileURLToPath(new URL('./departments.yaml', import.meta.url));

let cached: DepartmentRule[] | undefined;

export function parseDepartments(value: unknown, file = DEFAULT_DEPARTMENTS_PATH): DepartmentRule[] {
  if (!Array.isArray(value)) throw new Error(`${file}: expected a YAML list of { category, keywords: [...] }`);
  const seen = new Set<string>();
  return value.map((r, i) => {
    const v = r as { category?: unknown; keywords?: unknown };
    if (typeof v?.category !== 'string' || !v.category.trim()) throw new Error(`${file}: entry #${i + 1}: category must be a non-empty string`);
    if (seen.has(v.category)) throw new Error(`${file}: entry #${i + 1}: duplicate category '${v.category}'`);
    seen.add(v.category);
    if (!Array.isArray(v.keywords) || !v.keywords.length || v.keywords.some((k) => typeof k !== 'string' || !k)) {
      throw new Error(`${file}: entry #${i + 1} (${v.category}): keywords must be a non-empty list of strings`);
    }
    return { category: v.category, keywords: v.keywords as string[] };
  });
}

export function loadDepartments(path = DEFAULT_DEPARTMENTS_PATH): DepartmentRule[] {
  if (path === DEFAULT_DEPARTMENTS_PATH && cached) return cached;
  const rules = parseDepartments(parse(readFileSync(path, 'utf8')), path);
  if (path === DEFAULT_DEPARTMENTS_PATH) cached = rules;
  return rules;
}

/**
 * Category of a unit name (preferably the part after the region: 城市管理局, 公安局高新分局).
 * The longest keyword found anywhere in the name wins; ties go to the earlier rule.
 */
export function classifyDepartment(name: string, rules: DepartmentRule[] = loadDepartments()): DepartmentMatch {
  let best: DepartmentMatch | undefined;
  for (const r of rules) {
    for (const k of r.keywords) {
      if (name.includes(k) && (!best || k.length > best.keyword.length)) best = { category: r.category, keyword: k };
    }
  }
  return best ?? { category: OTHER_DEPARTMENT, keyword: '' };
}
