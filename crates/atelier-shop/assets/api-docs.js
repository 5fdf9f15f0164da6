// Renders /api/openapi.json as a list of operations: method, path, summary, parameters, request body and
// responses. DOM built with createElement/textContent only: nothing from the document is parsed as HTML.
'use strict';

function el(tag, text, style) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (style) e.setAttribute('style', style);
  return e;
}

function schemaName(schema) {
  if (!schema) return '';
  if (schema.$ref) return schema.$ref.split('/').pop();
  if (schema.type === 'array' && schema.items) return `array of ${schemaName(schema.items)}`;
  return Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type || 'object');
}

function contentList(content) {
  return Object.entries(content || {})
    .map(([type, media]) => `${type}${media.schema ? ` (${schemaName(media.schema)})` : ''}`)
    .join(', ');
}

function operation(method, path, op) {
  const section = el('section', undefined, 'border-top: 1px solid #ccc; padding: 0.5rem 0');
  section.dataset.method = method.toUpperCase();
  section.dataset.path = path;
  const head = el('h3', undefined, 'margin: 0.3rem 0; font-family: monospace');
  head.append(el('span', method.toUpperCase(), 'padding-right: 0.6rem'), el('span', path));
  section.append(head);
  const text = [op.summary, op.description].filter(Boolean).join('\n\n');
  if (text) section.append(el('p', text, 'white-space: pre-line'));
  const list = el('ul');
  for (const p of op.parameters || []) {
    list.append(el('li', `parameter ${p.name} (${p.in}${p.required ? ', required' : ''}): ${p.description || ''}`));
  }
  if (op.requestBody) list.append(el('li', `request body: ${contentList(op.requestBody.content)}`));
  for (const [status, r] of Object.entries(op.responses || {})) {
    const types = contentList(r.content);
    list.append(el('li', `${status}: ${r.description || ''}${types ? ` — ${types}` : ''}`));
  }
  section.append(list);
  return section;
}

async function main() {
  const out = document.getElementById('operations');
  try {
    const response = await fetch('openapi.json');
    const doc = await response.json();
    document.getElementById('title').textContent = doc.info.title;
    document.getElementById('description').textContent = doc.info.description || '';
    document.getElementById('version').textContent = doc.openapi;
    out.replaceChildren();
    const tags = (doc.tags || []).map((t) => t.name);
    const byTag = new Map(tags.map((t) => [t, []]));
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(method)) continue;
        const tag = (op.tags && op.tags[0]) || 'other';
        if (!byTag.has(tag)) byTag.set(tag, []);
        byTag.get(tag).push(operation(method, path, op));
      }
    }
    for (const [tag, sections] of byTag) {
      if (sections.length === 0) continue;
      const about = (doc.tags || []).find((t) => t.name === tag);
      out.append(el('h2', tag));
      if (about && about.description) out.append(el('p', about.description));
      out.append(...sections);
    }
    document.body.dataset.rendered = 'true';
  } catch (e) {
    out.replaceChildren(el('p', `Could not load openapi.json: ${e}`));
  }
}

main();
