// RSS of the dated work points (@astrojs/rss): one item per work point with a date, latest deadline first.
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { loadWorkpoints } from '../lib/workpoints-data';
import { deadlineLine } from '../lib/workpoints';
import { site } from '../lib/site';
import { url } from '../lib/url';

export async function GET(context: APIContext) {
  const cfg = site();
  const origin = context.site ?? new URL(cfg.siteUrl);
  const points = (await loadWorkpoints())
    .map((p) => ({ p, date: p.deadlines.map((d) => d.date).filter((d): d is string => Boolean(d)).sort()[0] }))
    .filter((x): x is { p: (typeof x)['p']; date: string } => Boolean(x.date))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.p.id < b.p.id ? -1 : 1));
  return rss({
    title: `${cfg.name} - 工作要点时间节点`,
    description: '各文件中写明时间节点的工作要点、任务和创建步骤。',
    site: new URL(url(), origin).href,
    customData: '<language>zh-CN</language>',
    items: points.map(({ p, date }) => ({
      title: `【${date}】${p.title}`,
      link: new URL(url(`workpoints/${p.id}/`), origin).href,
      pubDate: new Date(`${date}T00:00:00+08:00`),
      description: [`${p.document.docNumber ?? p.document.title} · ${p.section}`, ...p.deadlines.map(deadlineLine)].join('；'),
      categories: ['工作要点', ...p.themes.map((t) => t.label)],
    })),
  });
}
