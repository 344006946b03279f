// Maths in lesson and tutor text: `$…$` inline and `$$…$$` display formulas, typeset with KaTeX (served by the host
// from lib/katex, copied there from node_modules by the build). Splitting is pure; typesetting replaces the text of
// placeholder elements with KaTeX's DOM (built with createElement/textContent, never parsed as HTML). With trust off,
// \href, \url, \html… and \includegraphics are refused, so a formula can never produce a link, a class or a script;
// everything outside formulas stays text.

// $$…$$ first (so that "$$" is never read as an empty inline formula), then $…$ as Pandoc reads it: the opening
// dollar is followed by a non-space, the closing one preceded by a non-space and not followed by a digit, so
// "it costs $5 and $10" stays text. An inline formula has no backtick, so a code span after a price stays code.
// \$ is a literal dollar, outside formulas and inside.
export const DISPLAY_MATHS = String.raw`(?<!\\)\$\$(?:\\[\s\S]|[^\\$])+?\$\$`;
export const INLINE_MATHS = String.raw`(?<![\\$])\$(?=[^\s$])(?:\\[\s\S]|[^\\$\n\x60])+?(?<=\S)\$(?![\d$])`;
export const MATHS_PATTERN = `${DISPLAY_MATHS}|${INLINE_MATHS}`;

/** The KaTeX settings of every formula: errors shown in place, nothing trusted, no runaway macros or sizes. */
export const KATEX_OPTIONS = Object.freeze({
  throwOnError: false,
  trust: false,
  strict: 'ignore',
  output: 'htmlAndMathml',
  maxSize: 50,
  maxExpand: 1000,
});

/** A formula token (`$…$` or `$$…$$`, delimiters included) as { tex, display }. */
export function formulaOf(token) {
  const display = token.startsWith('$$');
  const tex = display ? token.slice(2, -2) : token.slice(1, -1);
  return { tex: tex.trim(), display };
}

/** Text without formulas: an escaped dollar (\$) is a dollar. */
export function plainText(text) {
  return text.replace(/\\\$/g, '$');
}

/**
 * Splits text into parts: { type: 'text', text } and { type: 'maths', tex, display, source } in order, where `source`
 * is the formula as written (what a reader sees when KaTeX is not there).
 */
export function splitMaths(text) {
  const input = String(text ?? '');
  const parts = [];
  let last = 0;
  for (const match of input.matchAll(new RegExp(MATHS_PATTERN, 'g'))) {
    if (match.index > last) parts.push({ type: 'text', text: plainText(input.slice(last, match.index)) });
    parts.push({ type: 'maths', ...formulaOf(match[0]), source: match[0] });
    last = match.index + match[0].length;
  }
  if (last < input.length) parts.push({ type: 'text', text: plainText(input.slice(last)) });
  return parts;
}

/** True when the text has at least one formula. */
export function hasMaths(text) {
  return new RegExp(MATHS_PATTERN).test(String(text ?? ''));
}

/**
 * A placeholder for one formula: its source as text until typesetMaths() renders it (and for good if KaTeX is
 * missing or the formula is invalid), the TeX in a data attribute.
 */
export function formulaElement(token, doc = document) {
  const { tex, display } = formulaOf(token);
  const element = doc.createElement('span');
  element.className = display ? 'maths maths-display' : 'maths';
  element.dataset.tex = tex;
  element.dataset.display = String(display);
  element.textContent = token;
  return element;
}

let loading = null;

/** KaTeX's ES module, loaded once and only by pages that show a formula. */
export function loadKatex() {
  loading ??= import('../lib/katex/katex.mjs').then((module) => module.default ?? module);
  return loading;
}

/**
 * Typesets every formula placeholder under `root` that is not typeset yet. Resolves with the number typeset; if
 * KaTeX cannot be loaded the formulas stay as their source text.
 */
export async function typesetMaths(root, { load = loadKatex } = {}) {
  const pending = [...root.querySelectorAll('.maths:not([data-typeset])')];
  if (pending.length === 0) return 0;
  let katex;
  try {
    katex = await load();
  } catch (error) {
    console.warn('KaTeX could not be loaded; formulas are shown as written.', error);
    return 0;
  }
  for (const element of pending) {
    if (element.dataset.typeset) continue;
    katex.render(element.dataset.tex ?? '', element, { ...KATEX_OPTIONS, displayMode: element.dataset.display === 'true' });
    element.dataset.typeset = 'true';
  }
  return pending.length;
}
