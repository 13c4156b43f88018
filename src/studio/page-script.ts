/**
 * The page's script, plain browser JavaScript kept as text (the page has no build step). It reads
 * the token from its own URL and sends it with every API call; the diagram is drawn as SVG from
 * the layout /api/schema computes, so the same schema always gives the same picture.
 */
export const PAGE_SCRIPT = String.raw`
'use strict';
var token = new URLSearchParams(location.search).get('token') || '';
var SVG = 'http://www.w3.org/2000/svg';
var state = { schema: null, table: null, offset: 0, limit: 50, page: null };

function api(path, body) {
  var init = { headers: { 'x-tidemark-token': token } };
  if (body !== undefined) {
    init.method = 'POST';
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return fetch(path, init).then(function (response) {
    return response.json().then(function (payload) {
      if (!response.ok) {
        var error = payload && payload.error ? payload.error : { message: response.statusText };
        var text = error.message + (error.detail ? '\n' + error.detail : '');
        throw new Error(text);
      }
      return payload;
    });
  });
}

function showError(error) {
  var box = document.getElementById('error');
  if (!error) { box.hidden = true; box.textContent = ''; return; }
  box.hidden = false;
  box.textContent = error.message || String(error);
}

function el(tag, attrs, children) {
  var node = document.createElement(tag);
  for (var name in attrs || {}) {
    if (name === 'text') node.textContent = attrs[name];
    else if (name === 'className') node.className = attrs[name];
    else node.setAttribute(name, attrs[name]);
  }
  (children || []).forEach(function (child) { node.appendChild(child); });
  return node;
}

function svg(tag, attrs, text) {
  var node = document.createElementNS(SVG, tag);
  for (var name in attrs) node.setAttribute(name, String(attrs[name]));
  if (text !== undefined) node.textContent = text;
  return node;
}

// Tabs
document.querySelectorAll('nav button').forEach(function (button) {
  button.addEventListener('click', function () { showTab(button.getAttribute('data-tab')); });
});
function showTab(name) {
  document.querySelectorAll('nav button').forEach(function (b) {
    b.classList.toggle('active', b.getAttribute('data-tab') === name);
  });
  document.querySelectorAll('main > section').forEach(function (section) {
    section.hidden = section.id !== 'tab-' + name;
  });
  if (name === 'migrations') loadMigrations();
  if (name === 'check' && !checkStarted) runCheck();
}

// Diagram
var HEADER = 28, LINE = 20;
function drawDiagram(schema) {
  var root = document.getElementById('diagram');
  while (root.firstChild) root.removeChild(root.firstChild);
  var d = schema.diagram;
  root.setAttribute('width', d.width);
  root.setAttribute('height', d.height);
  root.setAttribute('viewBox', '0 0 ' + d.width + ' ' + d.height);
  document.getElementById('diagram-note').textContent = schema.tables.length === 0
    ? 'The database has no tables yet.'
    : schema.tables.length + ' tables; PK marks primary key columns, FK foreign key columns, lines join a foreign key to the table it references.';
  var boxes = {};
  d.boxes.forEach(function (b) { boxes[b.key] = b; });
  var byKey = {};
  schema.tables.forEach(function (t) { byKey[t.key] = t; });
  var lines = svg('g', { 'class': 'fk-lines' });
  schema.tables.forEach(function (table) {
    table.foreignKeys.forEach(function (fk) {
      var from = boxes[table.key], to = boxes[fk.references.key], target = byKey[fk.references.key];
      if (!from || !to || !target) return;
      var fromRow = columnRow(table, fk.columns[0]);
      var toRow = columnRow(target, fk.references.columns[0]);
      var y1 = from.y + HEADER + LINE * fromRow + LINE / 2 + 4;
      var y2 = to.y + HEADER + LINE * toRow + LINE / 2 + 4;
      var path;
      if (from === to) {
        var xr = from.x + from.width;
        path = 'M' + xr + ' ' + y1 + ' C' + (xr + 40) + ' ' + y1 + ' ' + (xr + 40) + ' ' + y2 + ' ' + xr + ' ' + y2;
      } else {
        var rightward = to.x >= from.x + from.width;
        var leftward = to.x + to.width <= from.x;
        var x1 = rightward ? from.x + from.width : from.x;
        var x2 = rightward ? to.x : leftward ? to.x + to.width : to.x;
        var bend = rightward || leftward ? (x2 - x1) / 2 : -40;
        path = 'M' + x1 + ' ' + y1 + ' C' + (x1 + bend) + ' ' + y1 + ' ' + (x2 - (rightward || leftward ? bend : -bend)) + ' ' + y2 + ' ' + x2 + ' ' + y2;
      }
      lines.appendChild(svg('path', { 'class': 'fk-line', d: path, 'data-from': table.key, 'data-to': fk.references.key }));
    });
  });
  schema.tables.forEach(function (table) {
    var b = boxes[table.key];
    var g = svg('g', { 'class': 'table-box', 'data-table': table.key, transform: 'translate(' + b.x + ',' + b.y + ')' });
    g.appendChild(svg('rect', { 'class': 'body', x: 0, y: 0, width: b.width, height: b.height, rx: 4 }));
    g.appendChild(svg('rect', { 'class': 'head', x: 0, y: 0, width: b.width, height: HEADER, rx: 4 }));
    var title = table.schema === 'public' ? table.name : table.key;
    g.appendChild(svg('text', { 'class': 'title', x: 10, y: 18 }, fit(title, 34)));
    table.columns.forEach(function (c, i) {
      var y = HEADER + LINE * i + 18;
      var mark = c.primaryKey ? 'PK' : c.references ? 'FK' : '';
      if (c.primaryKey && c.references) mark = 'PK';
      g.appendChild(svg('text', { 'class': 'key', x: 8, y: y }, mark));
      g.appendChild(svg('text', { x: 34, y: y }, fit(c.name, 16)));
      g.appendChild(svg('text', { x: 158, y: y, 'class': 'type' }, fit(c.type, 16)));
    });
    root.appendChild(g);
  });
  root.appendChild(lines);
}
function columnRow(table, name) {
  var i = table.columns.findIndex(function (c) { return c.name === name; });
  return i < 0 ? 0 : i;
}
function fit(text, width) { return text.length <= width ? text : text.slice(0, width - 1) + '\u2026'; }

// Data
function fillTableSelect(schema) {
  var select = document.getElementById('table-select');
  select.textContent = '';
  schema.tables.forEach(function (t) { select.appendChild(el('option', { value: t.key, text: t.key })); });
  if (schema.tables.length > 0) {
    state.table = state.table && schema.tables.some(function (t) { return t.key === state.table; }) ? state.table : schema.tables[0].key;
    select.value = state.table;
    loadRows();
  }
}
document.getElementById('table-select').addEventListener('change', function (event) {
  state.table = event.target.value;
  state.offset = 0;
  loadRows();
});
document.getElementById('prev').addEventListener('click', function () {
  state.offset = Math.max(0, state.offset - state.limit);
  loadRows();
});
document.getElementById('next').addEventListener('click', function () {
  if (state.page && state.offset + state.limit < state.page.total) { state.offset += state.limit; loadRows(); }
});

function currentTable() {
  return state.schema.tables.find(function (t) { return t.key === state.table; });
}

function loadRows() {
  var params = new URLSearchParams({ table: state.table, offset: String(state.offset), limit: String(state.limit) });
  return api('/api/rows?' + params).then(function (page) {
    state.page = page;
    renderGrid();
  }).catch(showError);
}

function renderGrid() {
  var table = currentTable(), page = state.page;
  var grid = document.getElementById('grid');
  grid.className = 'data';
  grid.setAttribute('data-table', table.key);
  grid.textContent = '';
  var note = document.getElementById('readonly-note');
  note.hidden = page.readOnly === null;
  note.textContent = page.readOnly || '';
  var head = el('tr');
  table.columns.forEach(function (c) {
    head.appendChild(el('th', {}, [document.createTextNode(c.name + (c.primaryKey ? ' (PK)' : '')), el('small', { text: c.type })]));
  });
  grid.appendChild(el('thead', {}, [head]));
  var body = el('tbody');
  page.rows.forEach(function (row, index) {
    var tr = el('tr', { 'data-row': String(index) });
    table.columns.forEach(function (c) {
      var td = el('td', { 'data-column': c.name });
      showCell(td, row[c.name]);
      if (page.readOnly !== null || c.readOnly) td.classList.add('readonly');
      else td.addEventListener('click', function () { if (!td.classList.contains('editing')) editCell(td, row, c); });
      tr.appendChild(td);
    });
    body.appendChild(tr);
  });
  grid.appendChild(body);
  var last = Math.min(page.offset + page.rows.length, page.total);
  document.getElementById('page-info').textContent = page.total === 0
    ? 'No rows'
    : 'Rows ' + (page.offset + 1) + '\u2013' + last + ' of ' + page.total;
}

function showCell(td, value) {
  td.textContent = value === null ? 'NULL' : value;
  td.classList.toggle('null', value === null);
  td.title = value === null ? '' : value;
}

function toLocalDateTime(text) {
  // 2026-01-02 03:04:05.123+00 -> 2026-01-02T03:04:05.123 (what datetime-local takes)
  var m = /^(\d{4,}-\d\d-\d\d)[ T](\d\d:\d\d(?::\d\d(?:\.\d{1,3})?)?)/.exec(text);
  return m ? m[1] + 'T' + m[2] : '';
}

function editCell(td, row, column) {
  showError(null);
  var value = row[column.name];
  var input;
  if (column.input === 'checkbox') {
    input = el('input', { type: 'checkbox' });
    input.checked = value === 'true';
  } else if (column.input === 'enum') {
    input = el('select');
    column.enumValues.forEach(function (label) { input.appendChild(el('option', { value: label, text: label })); });
    if (value !== null) input.value = value;
  } else if (column.input === 'json') {
    input = el('textarea');
    input.value = value === null ? '' : prettyJson(value);
  } else if (column.input === 'datetime-local') {
    input = el('input', { type: 'datetime-local', step: '0.001' });
    input.value = value === null ? '' : toLocalDateTime(value);
  } else if (column.input === 'number') {
    input = el('input', { type: 'number', step: 'any' });
    input.value = value === null ? '' : value;
  } else {
    input = el('input', { type: column.input === 'date' ? 'date' : 'text' });
    input.value = value === null ? '' : value;
  }
  input.setAttribute('data-input', column.input);
  var save = el('button', { type: 'button', 'class': 'save', text: 'Save' });
  var cancel = el('button', { type: 'button', 'class': 'cancel', text: 'Cancel' });
  var buttons = [save, cancel];
  if (!column.notNull) buttons.push(el('button', { type: 'button', 'class': 'set-null', text: 'NULL' }));
  td.textContent = '';
  td.classList.add('editing');
  td.appendChild(input);
  buttons.forEach(function (b) { td.appendChild(b); });
  input.focus();
  function done(newValue) {
    td.classList.remove('editing');
    showCell(td, newValue);
  }
  function send(newValue) {
    var key = {};
    currentTable().primaryKey.forEach(function (k) { key[k] = row[k]; });
    api('/api/rows/update', { table: state.table, key: key, column: column.name, value: newValue })
      .then(function (result) {
        Object.keys(result.row).forEach(function (k) { row[k] = result.row[k]; });
        done(row[column.name]);
        // Other cells of the row may have changed too (a trigger, a generated column).
        Array.prototype.forEach.call(td.parentNode.children, function (cell) {
          if (cell !== td && !cell.classList.contains('editing')) showCell(cell, row[cell.getAttribute('data-column')]);
        });
      })
      .catch(showError);
  }
  save.addEventListener('click', function (event) {
    event.stopPropagation();
    var next = column.input === 'checkbox' ? (input.checked ? 'true' : 'false') : input.value;
    if (column.input === 'json' && next.trim() !== '') {
      try { next = JSON.stringify(JSON.parse(next)); } catch (e) { showError(new Error('Not valid JSON: ' + e.message)); return; }
    }
    send(next);
  });
  cancel.addEventListener('click', function (event) { event.stopPropagation(); done(value); });
  if (buttons.length > 2) buttons[2].addEventListener('click', function (event) { event.stopPropagation(); send(null); });
}

function prettyJson(text) {
  try { return JSON.stringify(JSON.parse(text), null, 2); } catch (e) { return text; }
}

// Migrations
function loadMigrations() {
  return api('/api/migrations').then(function (result) {
    var table = document.getElementById('migrations');
    table.textContent = '';
    if (result.migrations.length === 0) {
      table.appendChild(el('tr', {}, [el('td', { text: 'No migrations yet. Write one with tidemark generate.' })]));
      return;
    }
    table.appendChild(el('tr', {}, ['Migration', 'State', 'Applied at', 'Hazards'].map(function (h) { return el('th', { text: h }); })));
    result.migrations.forEach(function (m) {
      var hazards = el('td', { 'class': 'hazards' });
      m.hazards.forEach(function (h) {
        hazards.appendChild(el('div', { 'class': 'hazard' }, [el('b', { text: h.kind + ': ' }), document.createTextNode(h.message)]));
      });
      table.appendChild(el('tr', { 'data-migration': m.name }, [
        el('td', { text: m.name }),
        el('td', {}, [el('span', { 'class': 'state state-' + m.state, text: m.state })]),
        el('td', { text: m.appliedAt ? m.appliedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '' }),
        hazards,
      ]));
    });
  }).catch(showError);
}

// Check
var checkStarted = false;
document.getElementById('run-check').addEventListener('click', function () { runCheck(); });
function runCheck() {
  checkStarted = true;
  var status = document.getElementById('check-state');
  status.textContent = 'Checking (replaying the migrations)...';
  return api('/api/check').then(function (report) {
    status.textContent = '';
    renderCheck(report);
  }).catch(function (error) {
    // Shown in its own tab: a check that cannot run must not get in the way of browsing rows.
    status.textContent = '';
    var root = document.getElementById('check-report');
    root.textContent = '';
    root.appendChild(el('p', { id: 'check-error', 'class': 'bad', text: 'The check could not run: ' + error.message }));
  });
}

function renderCheck(report) {
  var root = document.getElementById('check-report');
  root.textContent = '';
  var drift = report.drift;
  var driftWords = { clean: 'none: the database matches its migrations', drifted: drift.findings.length + ' difference(s) from its migrations', unknown: 'unknown', unadopted: 'not adopted' };
  root.appendChild(el('h2', { id: 'drift-status', 'data-status': drift.status, 'class': drift.status === 'clean' ? 'clean' : 'bad', text: 'Drift: ' + driftWords[drift.status] }));
  var list = el('ul', { id: 'drift-findings' });
  drift.findings.forEach(function (f) { list.appendChild(el('li', { text: f.message })); });
  drift.notes.forEach(function (n) { list.appendChild(el('li', { 'class': 'note', text: n })); });
  root.appendChild(list);
  if (drift.reconcile.sql.length > 0) {
    root.appendChild(el('p', { text: 'To put the database back as the migrations say, run this SQL:' }));
    root.appendChild(el('pre', { id: 'reconcile-sql', text: drift.reconcile.sql.join('\n') }));
    drift.reconcile.hazards.forEach(function (h) {
      root.appendChild(el('div', { 'class': 'hazard' }, [el('b', { text: h.kind + ': ' }), document.createTextNode(h.message)]));
    });
    root.appendChild(el('p', { 'class': 'note', text: "Or keep the database's changes: 'tidemark generate --from-db' writes them as a migration, then 'tidemark baseline --to <that migration>' records it as applied here." }));
  }
  var code = report.code;
  root.appendChild(el('h2', { id: 'code-status', 'data-status': code.status, 'class': code.status === 'clean' || code.status === 'skipped' ? 'clean' : 'bad', text: 'Code: ' + code.status }));
  var codeList = el('ul');
  code.changes.forEach(function (c) { codeList.appendChild(el('li', { text: c.description })); });
  code.notes.forEach(function (n) { codeList.appendChild(el('li', { 'class': 'note', text: n })); });
  root.appendChild(codeList);
  var j = report.journal;
  root.appendChild(el('h2', { id: 'journal-status', 'data-status': j.status, 'class': j.status === 'clean' ? 'clean' : 'bad', text: 'Journal: ' + j.applied.length + ' applied' + (j.status === 'clean' ? ', in step' : '') }));
  var journalList = el('ul');
  [['pending', j.pending], ['edited after it was applied', j.edited], ['applied, but its file is missing', j.missing], ['pending, older than the latest applied', j.outOfOrder], ['started and never finished', j.unfinished]].forEach(function (group) {
    group[1].forEach(function (name) { journalList.appendChild(el('li', { text: name + ': ' + group[0] })); });
  });
  root.appendChild(journalList);
}

api('/api/schema').then(function (schema) {
  state.schema = schema;
  drawDiagram(schema);
  fillTableSelect(schema);
  document.body.setAttribute('data-ready', 'true');
  // The check replays every migration, which takes seconds: start it now, so the report is
  // usually ready by the time its tab is opened.
  runCheck();
}).catch(showError);
`
