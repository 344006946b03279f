// Unit tests of the SPA's maths splitting and its KaTeX settings: node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KATEX_OPTIONS, formulaOf, hasMaths, splitMaths } from '../../Hosts/Local/wwwroot/js/maths.js';

const katexModule = new URL('../../node_modules/katex/dist/katex.mjs', import.meta.url);

const shape = (text) => splitMaths(text).map((part) => (part.type === 'maths' ? [part.display ? 'display' : 'inline', part.tex] : ['text', part.text]));

test('inline and display formulas are split from the text around them, in order', () => {
  assert.deepEqual(shape('Area: $\\pi r^2$, and $$\\int_0^1 x\\,dx = \\frac{1}{2}$$ done.'), [
    ['text', 'Area: '],
    ['inline', '\\pi r^2'],
    ['text', ', and '],
    ['display', '\\int_0^1 x\\,dx = \\frac{1}{2}'],
    ['text', ' done.'],
  ]);
});

test('a display formula may span lines; an inline one may not', () => {
  assert.deepEqual(shape('$$\na + b\n$$'), [['display', 'a + b']]);
  assert.deepEqual(shape('$a\nb$'), [['text', '$a\nb$']]);
});

test('prices and lone dollars stay text (Pandoc rules: no space inside the delimiters, no digit after the close)', () => {
  for (const text of ['It costs $5 and $10.', '$ x $', '$x$5', 'a single $ sign', 'US$ 20', '$$']) {
    assert.deepEqual(shape(text), [['text', text]], text);
  }
});

test('a price before a code span does not swallow it: inline formulas have no backticks', () => {
  assert.deepEqual(shape('costs $10; in code, `$x$` stays'), [['text', 'costs $10; in code, `'], ['inline', 'x'], ['text', '` stays']]);
});

test('an escaped dollar is a dollar, outside formulas and inside', () => {
  assert.deepEqual(shape('\\$5 or $a\\$b$'), [['text', '$5 or '], ['inline', 'a\\$b']]);
});

test('the source of a formula is kept for readers without KaTeX', () => {
  const [part] = splitMaths('$$x^2$$');
  assert.equal(part.source, '$$x^2$$');
  assert.deepEqual(formulaOf('$ y $'), { tex: 'y', display: false });
});

test('text with no formula is one text part; nothing is none', () => {
  assert.deepEqual(shape('plain <b>text</b>'), [['text', 'plain <b>text</b>']]);
  assert.deepEqual(splitMaths(''), []);
  assert.deepEqual(splitMaths(null), []);
  assert.equal(hasMaths('x $y$'), true);
  assert.equal(hasMaths('$5 and $6'), false);
});

test('markup inside a formula is TeX, not HTML', () => {
  assert.deepEqual(shape('$<script>alert(1)</script>$'), [['inline', '<script>alert(1)</script>']]);
});

test('KaTeX with these settings keeps <script> in a formula inert and refuses links, HTML extensions and images',
  { skip: existsSync(fileURLToPath(katexModule)) ? false : 'node_modules/katex is missing: run npm ci' },
  async () => {
    const { default: katex } = await import(katexModule);
    assert.equal(KATEX_OPTIONS.trust, false);
    assert.equal(KATEX_OPTIONS.throwOnError, false);
    for (const tex of [
      '<script>alert(1)</script>',
      '\\text{<script>alert(1)</script>}',
      '\\href{javascript:alert(1)}{x}',
      '\\url{javascript:alert(1)}',
      '\\htmlClass{x}{y}',
      '\\htmlData{onload=alert(1)}{y}',
      '\\includegraphics{x.png}',
      '\\frac{',
    ]) {
      const html = katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: false });
      // No element that runs or loads anything, no event-handler or link attribute; TeX source stays as escaped text.
      assert.doesNotMatch(html, /<(script|a|img|iframe|object|embed)[\s>]|\s(on\w+|href|src|data-\w+)\s*=/i, `${tex}: ${html}`);
    }
    const text = katex.renderToString('\\text{<script>alert(1)</script>}', KATEX_OPTIONS);
    assert.match(text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });
