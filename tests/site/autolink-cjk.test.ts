// Bare addresses in notice text: GFM links them up to the next whitespace, which Chinese text lacks.
// remarkAutolinkCjk ends the link at the first Chinese character; the text stays exactly as printed.
import { describe, it, expect } from 'vitest';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root, Link } from 'mdast';
import { remarkAutolinkCjk } from '../../src/integrations/remark-autolink-cjk';

function run(md: string): { tree: Root; links: { url: string; text: string }[] } {
  const tree = fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  remarkAutolinkCjk()(tree);
  const links: { url: string; text: string }[] = [];
  const visit = (n: { type: string; children?: unknown[] }) => {
    if (n.type === 'link') links.push({ url: (n as Link).url, text: toString(n as Link) });
    for (const c of (n.children ?? []) as { type: string }[]) visit(c);
  };
  visit(tree);
  return { tree, links };
}

describe('remarkAutolinkCjk', () => {
  it('ends a www literal at the full-width bracket and keeps the rest as text', () => {
    const md = '请登录河南省人民政府网站（www.henan.gov.cn）查询。';
    const { tree, links } = run(md);
    expect(links).toEqual([{ url: 'http://www.henan.gov.cn', text: 'www.henan.gov.cn' }]);
    expect(toString(tree)).toBe(md);
  });

  it('ends an http literal and an e-mail literal at the next Chinese character', () => {
    const md = '网址：https://www.example.gov.cn/a?b=1查询，邮箱 fzjiandu@163.com联系。';
    const { tree, links } = run(md);
    expect(links).toEqual([
      { url: 'https://www.example.gov.cn/a?b=1', text: 'https://www.example.gov.cn/a?b=1' },
      { url: 'mailto:fzjiandu@163.com', text: 'fzjiandu@163.com' },
    ]);
    expect(toString(tree)).toBe(md);
  });

  it('leaves links that end on their own untouched', () => {
    const md = '电子邮箱：fzjiandu@163.com\n\n见 https://www.henan.gov.cn 。';
    const { links } = run(md);
    expect(links).toEqual([
      { url: 'mailto:fzjiandu@163.com', text: 'fzjiandu@163.com' },
      { url: 'https://www.henan.gov.cn', text: 'https://www.henan.gov.cn' },
    ]);
  });
});
