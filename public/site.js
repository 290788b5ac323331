/* The site's one script (src/layouts/Base.astro loads it in <head>, blocking: it is small and cached).
 * 1. Before the first paint: html.js, and the stored 字体 size / 高对比度 mode (localStorage
 *    cjzl-font = l|m|s, cjzl-contrast = high).
 * 2. Once the page is parsed: the 【字体：大 中 小】 / 高对比度 / 打印本页 buttons in .tools (they need
 *    JavaScript, so they are built here and pages without it carry none), their aria-pressed state.
 * 3. On a record page (main[data-pagefind-body]) reached from a search result (?highlight=<term>):
 *    loads Pagefind's pagefind-highlight.js and scrolls the first match into view.
 * URLs are relative to this file, so the site works under any base (SITE_BASE). */
(function () {
  var d = document.documentElement;
  d.className += ' js';
  try {
    var f = localStorage.getItem('cjzl-font'), c = localStorage.getItem('cjzl-contrast');
    if (f === 'l' || f === 's') d.setAttribute('data-font', f);
    if (c === 'high') d.setAttribute('data-contrast', 'high');
  } catch (e) {}
  var me = document.currentScript && document.currentScript.src;
  function save(k, v) { try { localStorage.setItem(k, v); } catch (e) {} }
  function sync() {
    var f = d.getAttribute('data-font') || 'm';
    document.querySelectorAll('[data-font-set]').forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-font-set') === f)); });
    document.querySelectorAll('[data-contrast-toggle]').forEach(function (b) { b.setAttribute('aria-pressed', String(d.getAttribute('data-contrast') === 'high')); });
  }
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('[data-font-set],[data-contrast-toggle],[data-print]');
    if (!b) return;
    if (b.hasAttribute('data-font-set')) {
      var f = b.getAttribute('data-font-set');
      if (f === 'm') d.removeAttribute('data-font'); else d.setAttribute('data-font', f);
      save('cjzl-font', f);
    } else if (b.hasAttribute('data-contrast-toggle')) {
      var on = d.getAttribute('data-contrast') !== 'high';
      if (on) d.setAttribute('data-contrast', 'high'); else d.removeAttribute('data-contrast');
      save('cjzl-contrast', on ? 'high' : 'normal');
    } else window.print();
    sync();
  });
  function btn(attrs, label) { return '<button type="button" ' + attrs + '>' + label + '</button>'; }
  function ready() {
    var t = document.querySelector('.tools');
    if (t && !t.querySelector('button')) {
      t.innerHTML =
        '<span class="tools-js font-switch" role="group" aria-labelledby="font-label">【<span id="font-label">字体：</span>' +
        btn('data-font-set="l" aria-pressed="false"', '大') + btn('data-font-set="m" aria-pressed="true"', '中') + btn('data-font-set="s" aria-pressed="false"', '小') +
        '】</span>' + btn('class="tools-js" data-contrast-toggle aria-pressed="false"', '高对比度') + btn('class="tools-js" data-print', '打印本页');
    }
    sync();
    if (me && document.querySelector('main[data-pagefind-body]') && new URLSearchParams(location.search).has('highlight')) {
      import(new URL('pagefind/pagefind-highlight.js', me).href)
        .then(function () {
          new window.PagefindHighlight({ highlightParam: 'highlight' });
          var first = document.querySelector('mark.pagefind-highlight');
          if (first) first.scrollIntoView({ block: 'center' });
        })
        .catch(function () {});
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready); else ready();
})();
