#!/usr/bin/env node
// Checks a `dotnet publish Hosts/Functions` folder against the app's source: functions.metadata must list every
// [Function] declared under Hosts/Functions with the binding the Functions host needs (orchestrationTrigger,
// activityTrigger, httpTrigger with its route and methods, timerTrigger with its schedule, durableClient where bound),
// and nothing else; .azurefunctions must carry the Durable extension the host loads.
//
// The expected set is read from the C# source (attribute arguments that are constants are resolved from the
// repository's `const string` declarations), so a function added, renamed or re-routed is checked without editing
// this script. Every [Function] the parser cannot understand is an error, never a skip.
//
// Usage: node scripts/check-functions-publish.mjs <publish folder>
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const functionsDir = join(repoRoot, 'Hosts', 'Functions');
const constantDirs = ['Shared', 'Http', 'Hosts'].map((dir) => join(repoRoot, dir));
const durableExtension = 'Microsoft.Azure.WebJobs.Extensions.DurableTask';

const problems = [];
const fail = (message) => problems.push(message);

function csFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return name === 'bin' || name === 'obj' ? [] : csFiles(path);
    }
    return name.endsWith('.cs') ? [path] : [];
  });
}

// Replaces comments and the contents of string and char literals with spaces (same length), so that braces and
// attributes inside them are not taken for code. Positions stay those of the original text.
function blankLiterals(text) {
  const out = text.split('');
  const blank = (from, to) => { for (let i = from; i < to; i++) if (out[i] !== '\n') out[i] = ' '; };
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (text.startsWith('/*', i)) {
      const stop = text.indexOf('*/', i) + 2;
      blank(i, stop);
      i = stop;
    } else if (text.startsWith('"""', i)) {
      const stop = text.indexOf('"""', i + 3) + 3;
      blank(i + 3, stop - 3);
      i = stop;
    } else if (text[i] === '"') {
      const verbatim = text[i - 1] === '@' || (text[i - 1] === '$' && text[i - 2] === '@');
      let j = i + 1;
      while (j < text.length) {
        if (verbatim && text[j] === '"' && text[j + 1] === '"') j += 2;
        else if (!verbatim && text[j] === '\\') j += 2;
        else if (text[j] === '"') break;
        else j++;
      }
      blank(i + 1, j);
      i = j + 1;
    } else if (text[i] === '\'') {
      let j = i + 1;
      while (j < text.length && text[j] !== '\'') j += text[j] === '\\' ? 2 : 1;
      blank(i + 1, j);
      i = j + 1;
    } else {
      i++;
    }
  }
  return out.join('');
}

// The nesting of type names at every offset of a file: "LessonEndpoints.Routes" inside the nested class.
function typePathAt(code) {
  const declaration = /\b(?:class|record|struct|interface)\s+(\w+)/g;
  const starts = [];
  for (let match; (match = declaration.exec(code));) starts.push({ at: match.index, name: match[1] });
  const stack = [];
  let pending = null;
  let next = 0;
  const paths = new Array(code.length);
  for (let i = 0; i < code.length; i++) {
    while (next < starts.length && starts[next].at === i) pending = starts[next++].name;
    if (code[i] === ';' && pending) pending = null; // a positional record without a body
    if (code[i] === '{') {
      stack.push(pending);
      pending = null;
    } else if (code[i] === '}') {
      stack.pop();
    }
    paths[i] = stack.filter(Boolean).join('.');
  }
  return paths;
}

// Every `const string X = "literal"` or `= nameof(Y)` of the repository, as ["Type.Nested.X", value] pairs. Local
// constants of different methods may share a name; only a reference that matches two values is an error.
function readConstants() {
  const constants = [];
  for (const file of constantDirs.filter(existsSync).flatMap(csFiles)) {
    const text = readFileSync(file, 'utf8');
    const paths = typePathAt(blankLiterals(text));
    const constant = /\bconst\s+string\s+(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|nameof\((\w+)\))\s*;/g;
    for (let match; (match = constant.exec(text));) {
      constants.push([`${paths[match.index]}.${match[1]}`, match[2] ?? match[3]]);
    }
  }
  return constants;
}

function resolveExpression(expression, constants, where) {
  const text = expression.trim();
  const literal = /^"((?:[^"\\]|\\.)*)"$/.exec(text);
  if (literal) return literal[1];
  const nameOf = /^nameof\(\s*(?:\w+\.)*(\w+)\s*\)$/.exec(text);
  if (nameOf) return nameOf[1];
  if (/^[\w.]+$/.test(text)) {
    const values = [...new Set(constants.filter(([key]) => key === text || key.endsWith(`.${text}`)).map(([, value]) => value))];
    if (values.length === 1) return values[0];
    fail(`${where}: ${values.length === 0 ? 'no' : 'more than one'} string constant matches ${text}`);
    return undefined;
  }
  fail(`${where}: cannot read the expression ${text} (use a string literal, nameof(...) or a const string)`);
  return undefined;
}

// Splits an attribute's argument list at top-level commas.
function splitArguments(list) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if ('([{'.includes(list[i])) depth++;
    else if (')]}'.includes(list[i])) depth--;
    else if (list[i] === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

// The text between the bracket at `open` and its match, on the blanked code (positions equal the original's).
function enclosed(code, open) {
  const pairs = { '(': ')', '[': ']' };
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === '(' || code[i] === '[') depth++;
    else if (code[i] === ')' || code[i] === ']') {
      depth--;
      if (depth === 0) {
        if (pairs[code[open]] !== code[i]) break;
        return { from: open + 1, to: i };
      }
    }
  }
  throw new Error(`Unbalanced brackets at offset ${open}`);
}

function expectedFunctions(constants) {
  const expected = [];
  for (const file of csFiles(functionsDir)) {
    const text = readFileSync(file, 'utf8');
    const code = blankLiterals(text);
    const at = relative(repoRoot, file);
    const declaration = /\[Function\s*\(/g;
    for (let match; (match = declaration.exec(code));) {
      const where = `${at}:${text.slice(0, match.index).split('\n').length}`;
      const nameArgs = enclosed(code, match.index + match[0].length - 1);
      const name = resolveExpression(text.slice(nameArgs.from, nameArgs.to), constants, where);
      // The method's parameter list: the first '(' after the attribute list that is not an attribute's own.
      let i = nameArgs.to + 1;
      while (i < code.length) {
        if (code[i] === '[') i = enclosed(code, i).to + 1;
        else if (code[i] === '(') break;
        else i++;
      }
      const parameters = enclosed(code, i);
      const parameterText = text.slice(parameters.from, parameters.to);
      const parameterCode = code.slice(parameters.from, parameters.to);
      const triggers = [];
      const attribute = /\[(OrchestrationTrigger|ActivityTrigger|HttpTrigger|TimerTrigger|EntityTrigger|DurableClient)\b/g;
      let durableClient = false;
      for (let found; (found = attribute.exec(parameterCode));) {
        if (found[1] === 'DurableClient') {
          durableClient = true;
          continue;
        }
        const close = enclosed(parameterCode, found.index).to;
        const argsOpen = parameterCode.indexOf('(', found.index);
        const args = argsOpen >= 0 && argsOpen < close
          ? splitArguments(parameterText.slice(argsOpen + 1, enclosed(parameterCode, argsOpen).to))
          : [];
        triggers.push({ kind: found[1], args });
      }
      if (!name) continue;
      if (triggers.length !== 1) {
        fail(`${where}: function ${name} has ${triggers.length} trigger attributes; exactly one is expected`);
        continue;
      }
      const [{ kind, args }] = triggers;
      const fn = { name, where, durableClient };
      if (kind === 'OrchestrationTrigger') Object.assign(fn, { type: 'orchestrationTrigger' });
      else if (kind === 'ActivityTrigger') Object.assign(fn, { type: 'activityTrigger' });
      else if (kind === 'EntityTrigger') Object.assign(fn, { type: 'entityTrigger' });
      else if (kind === 'TimerTrigger') {
        const schedule = args.find((arg) => !arg.includes('='));
        Object.assign(fn, { type: 'timerTrigger', schedule: schedule && resolveExpression(schedule, constants, where) });
      } else {
        const named = Object.fromEntries(args.filter((arg) => /^\w+\s*=/.test(arg)).map((arg) => arg.split(/=(.*)/s).map((s) => s.trim())));
        const methods = args.filter((arg) => !/^\w+\s*=/.test(arg) && !arg.startsWith('AuthorizationLevel.'))
          .map((arg) => resolveExpression(arg, constants, where)?.toLowerCase());
        const route = named.Route && resolveExpression(named.Route, constants, where);
        if (!route) fail(`${where}: HTTP function ${name} names no Route`);
        if (methods.length === 0) fail(`${where}: HTTP function ${name} names no methods`);
        Object.assign(fn, { type: 'httpTrigger', route, methods: methods.sort() });
      }
      expected.push(fn);
    }
    const declared = (code.match(/\[Function\s*\(/g) ?? []).length;
    const read = expected.filter((fn) => fn.where.startsWith(`${at}:`)).length;
    if (declared !== read) fail(`${at}: ${declared} [Function] declarations, ${read} understood`);
  }
  return expected;
}

function checkMetadata(publishDir, expected) {
  const metadataPath = join(publishDir, 'functions.metadata');
  if (!existsSync(metadataPath)) {
    fail(`${metadataPath} is missing: the Functions host would find no functions`);
    return;
  }
  const metadata = JSON.parse(readFileSync(metadataPath, 'utf8'));
  const published = new Map(metadata.map((fn) => [fn.name.toLowerCase(), fn]));
  for (const fn of expected) {
    const entry = published.get(fn.name.toLowerCase());
    if (!entry) {
      fail(`${fn.name} (${fn.where}, ${fn.type}) is not in functions.metadata`);
      continue;
    }
    const trigger = entry.bindings.filter((binding) => binding.type.endsWith('Trigger'));
    if (trigger.length !== 1 || trigger[0].type !== fn.type) {
      fail(`${fn.name}: expected one ${fn.type} binding, functions.metadata has ${trigger.map((b) => b.type).join(', ') || 'none'}`);
      continue;
    }
    const [binding] = trigger;
    if (binding.direction?.toLowerCase() !== 'in') fail(`${fn.name}: the ${fn.type} binding's direction is ${binding.direction}`);
    if (fn.type === 'httpTrigger') {
      const methods = (binding.methods ?? []).map((m) => m.toLowerCase()).sort();
      if (fn.route && binding.route !== fn.route) fail(`${fn.name}: route is "${binding.route}" in functions.metadata, "${fn.route}" in the source`);
      if (methods.join() !== fn.methods.join()) fail(`${fn.name}: methods are [${methods}] in functions.metadata, [${fn.methods}] in the source`);
      if (binding.authLevel?.toLowerCase() !== 'anonymous') fail(`${fn.name}: authLevel is ${binding.authLevel}; the app checks its own keys, so it must be Anonymous`);
    }
    if (fn.type === 'timerTrigger' && binding.schedule !== fn.schedule) {
      fail(`${fn.name}: schedule is "${binding.schedule}" in functions.metadata, "${fn.schedule}" in the source`);
    }
    const hasClient = entry.bindings.some((b) => b.type === 'durableClient');
    if (hasClient !== fn.durableClient) fail(`${fn.name}: durableClient binding ${hasClient ? 'present' : 'missing'} in functions.metadata`);
  }
  const expectedNames = new Set(expected.map((fn) => fn.name.toLowerCase()));
  for (const entry of metadata) {
    if (!expectedNames.has(entry.name.toLowerCase())) fail(`functions.metadata lists ${entry.name}, which no [Function] under Hosts/Functions declares`);
  }
}

function checkExtensions(publishDir) {
  const extensionsDir = join(publishDir, '.azurefunctions');
  const dll = join(extensionsDir, `${durableExtension}.dll`);
  if (!existsSync(dll)) fail(`${relative(publishDir, dll)} is missing: the Functions host could not load Durable Functions`);
  const manifestPath = [join(publishDir, 'extensions.json'), join(extensionsDir, 'extensions.json')].find(existsSync);
  if (!manifestPath) {
    fail('extensions.json is missing: the Functions host would load no binding extension');
    return;
  }
  const { extensions = [] } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const durable = extensions.find((extension) => extension.typeName?.includes(durableExtension));
  if (!durable) fail(`${relative(publishDir, manifestPath)} does not register ${durableExtension}`);
  else if (!durable.hintPath?.includes('.azurefunctions/')) fail(`${durableExtension} is registered with hintPath ${durable.hintPath}, outside .azurefunctions`);
}

const publishDir = process.argv[2];
if (!publishDir || !existsSync(publishDir)) {
  console.error('Usage: node scripts/check-functions-publish.mjs <publish folder of Hosts/Functions>');
  process.exit(2);
}

const expected = expectedFunctions(readConstants());
for (const type of ['orchestrationTrigger', 'activityTrigger', 'httpTrigger', 'timerTrigger']) {
  if (!expected.some((fn) => fn.type === type)) fail(`No ${type} function was read from ${relative(repoRoot, functionsDir)}: the source parser found nothing to check`);
}
checkMetadata(publishDir, expected);
checkExtensions(publishDir);

const counts = ['orchestrationTrigger', 'activityTrigger', 'httpTrigger', 'timerTrigger']
  .map((type) => `${expected.filter((fn) => fn.type === type).length} ${type}`).join(', ');
if (problems.length > 0) {
  console.error(`Functions publish check FAILED (${problems.length} problem(s)) for ${publishDir}:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`Functions publish check passed: ${expected.length} functions (${counts}) in functions.metadata as declared; ${durableExtension} in .azurefunctions.`);
