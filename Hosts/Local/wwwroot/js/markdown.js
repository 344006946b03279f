// A tiny Markdown renderer that builds DOM nodes and sets text only through textContent, so model output can never
// become markup: no script, no event-handler attribute, no raw HTML. Supports headings, paragraphs, lists, fenced
// code, block quotes, **bold**, *italic*, `code`, [links](http(s) only) and $maths$ / $$maths$$ (placeholders that
// maths.js typesets with KaTeX; call typesetMaths on the container once it is in the page).
import { MATHS_PATTERN, formulaElement, plainText, splitMaths } from './maths.js';

/** Renders Markdown into a DocumentFragment. */
export function renderMarkdown(markdown, doc = document) {
  const fragment = doc.createDocumentFragment();
  const lines = String(markdown ?? '').replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (/^```/.test(line)) {
      const code = [];
      i++;
      while (i < lines.length && !/^```/.test(lines[i])) code.push(lines[i++]);
      i++;
      const pre = doc.createElement('pre');
      const element = doc.createElement('code');
      element.textContent = code.join('\n');
      pre.append(element);
      fragment.append(pre);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      // Section headings are h3 in the page; deeper Markdown levels go below, never above.
      const level = Math.min(6, heading[1].length + 2);
      const element = doc.createElement(`h${level}`);
      appendInline(element, heading[2], doc);
      fragment.append(element);
      i++;
      continue;
    }
    const listKind = listItemKind(line);
    if (listKind) {
      const list = doc.createElement(listKind);
      while (i < lines.length && listItemKind(lines[i]) === listKind) {
        const item = doc.createElement('li');
        appendInline(item, lines[i].replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''), doc);
        list.append(item);
        i++;
      }
      fragment.append(list);
      continue;
    }
    if (/^>\s?/.test(line)) {
      const quoted = [];
      while (i < lines.length && /^>\s?/.test(lines[i])) quoted.push(lines[i++].replace(/^>\s?/, ''));
      const quote = doc.createElement('blockquote');
      quote.append(renderMarkdown(quoted.join('\n'), doc));
      fragment.append(quote);
      continue;
    }
    const paragraph = [];
    while (i < lines.length && lines[i].trim() !== '' && !startsBlock(lines[i])) paragraph.push(lines[i++].trim());
    const element = doc.createElement('p');
    appendInline(element, paragraph.join(' '), doc);
    fragment.append(element);
  }
  return fragment;
}

// Code spans first: a dollar in code is code. A formula starting before a bold or italic marker is a formula.
const INLINE_PATTERN = new RegExp(`(\`[^\`]+\`)|(${MATHS_PATTERN})|(\\*\\*[^*]+\\*\\*)|(\\*[^*\\s][^*]*\\*)|(\\[[^\\]]+\\]\\([^)\\s]+\\))`, 'g');

/** Appends inline Markdown (bold, italic, code, links, maths) to `parent` as text nodes and elements. */
export function appendInline(parent, text, doc = document) {
  text = String(text ?? '');
  let last = 0;
  for (const match of text.matchAll(INLINE_PATTERN)) {
    if (match.index > last) parent.append(doc.createTextNode(plainText(text.slice(last, match.index))));
    const token = match[0];
    if (match[1]) {
      parent.append(textElement('code', token.slice(1, -1), doc));
    } else if (match[2]) {
      parent.append(formulaElement(token, doc));
    } else if (match[3]) {
      const strong = doc.createElement('strong');
      appendInline(strong, token.slice(2, -2), doc);
      parent.append(strong);
    } else if (match[4]) {
      const em = doc.createElement('em');
      appendInline(em, token.slice(1, -1), doc);
      parent.append(em);
    } else {
      const [, label, href] = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(token);
      parent.append(safeLink(label, href, doc));
    }
    last = match.index + token.length;
  }
  if (last < text.length) parent.append(doc.createTextNode(plainText(text.slice(last))));
}

/** Appends text with formulas and nothing else (no Markdown): for quiz questions, choices and the like. */
export function appendTextWithMaths(parent, text, doc = document) {
  for (const part of splitMaths(text)) {
    parent.append(part.type === 'maths' ? formulaElement(part.source, doc) : doc.createTextNode(part.text));
  }
  return parent;
}

/** An element holding text with formulas (see appendTextWithMaths). */
export function mathsTextElement(tag, text, doc = document) {
  return appendTextWithMaths(doc.createElement(tag), text ?? '', doc);
}

/** An anchor for http(s) URLs only; anything else (javascript:, data:, corpus://) is shown as plain text. */
export function safeLink(label, href, doc = document) {
  if (!isWebUrl(href)) return doc.createTextNode(href && href !== label ? `${label} (${href})` : label);
  const anchor = doc.createElement('a');
  anchor.href = new URL(href).href;
  anchor.textContent = label;
  anchor.rel = 'noopener noreferrer nofollow';
  anchor.target = '_blank';
  return anchor;
}

export function isWebUrl(value) {
  try {
    const url = new URL(String(value));
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function textElement(tag, text, doc = document) {
  const element = doc.createElement(tag);
  element.textContent = text ?? '';
  return element;
}

function listItemKind(line) {
  if (/^\s*[-*+]\s+/.test(line)) return 'ul';
  if (/^\s*\d+[.)]\s+/.test(line)) return 'ol';
  return null;
}

function startsBlock(line) {
  return /^```/.test(line) || /^#{1,6}\s/.test(line) || listItemKind(line) !== null || /^>\s?/.test(line);
}
