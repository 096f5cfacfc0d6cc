/**
 * The script of the report page, as text inlined into `report.html`: plain browser
 * JavaScript (no build step, no network) that reads the embedded JSON and draws the chart
 * (vega-lite compiled in the page by the inlined vega and vega-lite builds), the sortable,
 * filterable year table, the pair view, the validity tables and the provenance. Every text
 * from the data is set with `textContent`, never parsed as HTML.
 * @module
 */

/** Most rows the year table shows at once (filter to narrow). */
export const PAGE_TABLE_ROWS = 500;

/**
 * The page's script.
 * @example pageScript().includes('entente-data') // true
 */
export function pageScript(): string {
  return `(function () {
'use strict';
var MAX_ROWS = ${PAGE_TABLE_ROWS};
var D = JSON.parse(document.getElementById('entente-data').textContent);
function el(tag, attrs, text) {
  var e = document.createElement(tag);
  if (attrs) for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}
function $(id) { return document.getElementById(id); }
function fmt(x) { return x === null || x === undefined ? '' : String(x); }
// pairs are embedded as 'AAA-BBB' (compact); the codes are read from them
var pairs = D.data.pairs.map(function (id) { return { id: id, a: id.slice(0, 3), b: id.slice(4, 7) }; });
var names = D.names;
function pairNames(p) { return (names[p.a] || p.a) + ' \\u2013 ' + (names[p.b] || p.b); }
var featured = {};
D.data.featured.forEach(function (f) { featured[f.pair] = f; });

// ---- chart
var chosen = D.data.featured.slice(0, 4).map(function (f) { return f.pair; });
var view = null;
function chartRows() {
  var set = {};
  chosen.forEach(function (p) { set[p] = true; });
  return D.data.lines.filter(function (r) { return set[r.pair]; });
}
function chartChanges() {
  var out = [];
  chosen.forEach(function (p) {
    var f = featured[p];
    if (f) f.coverageChanges.forEach(function (c) { out.push({ pair: p, year: c.year, present: c.present.join(', ') || 'none' }); });
  });
  return out;
}
function drawChart() {
  var note = $('chart-note');
  if (D.data.featured.length === 0) { note.textContent = 'No pair to draw.'; return; }
  try {
    // colours and legend for the chosen pairs only, in the order picked
    var spec = JSON.parse(JSON.stringify(D.chartSpec));
    spec.layer.forEach(function (l) { if (l.encoding && l.encoding.color) l.encoding.color.scale = { domain: chosen.slice() }; });
    if (view !== null) view.finalize();
    view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'svg', container: '#chart', hover: true });
    view.data('lines', chartRows()).data('changes', chartChanges());
    view.runAsync().then(function () { $('chart').setAttribute('data-drawn', chosen.join(',')); });
  } catch (e) {
    note.textContent = 'The chart could not be drawn: ' + e.message;
    throw e;
  }
}
function buildPicker() {
  var box = $('pair-picker');
  D.data.featured.forEach(function (f) {
    var id = 'pick-' + f.pair;
    var input = el('input', { type: 'checkbox', id: id, value: f.pair });
    input.checked = chosen.indexOf(f.pair) >= 0;
    input.addEventListener('change', function () {
      chosen = D.data.featured.map(function (g) { return g.pair; }).filter(function (p) { return $('pick-' + p).checked; });
      drawChart();
    });
    var label = el('label', { for: id, title: pairNames(f) });
    label.appendChild(input);
    label.appendChild(document.createTextNode(' ' + f.pair));
    box.appendChild(label);
  });
}

// ---- year table
var sortKey = 'index';
var sortDir = -1;
function tableYearSlot() { return Number($('year').value); }
function drawTable() {
  var slot = tableYearSlot();
  var year = D.data.table.years[slot];
  var q = $('filter').value.trim().toUpperCase();
  var idx = D.data.table.index[slot];
  var cov = D.data.table.coverage[slot];
  var rows = [];
  for (var i = 0; i < pairs.length; i++) {
    if (cov[i] === null) continue;
    var p = pairs[i];
    var label = pairNames(p);
    if (q && p.id.indexOf(q) < 0 && label.toUpperCase().indexOf(q) < 0) continue;
    rows.push({ p: p, names: label, index: idx[i], coverage: cov[i] });
  }
  var key = sortKey, dir = sortDir;
  rows.sort(function (x, y) {
    var a = key === 'pair' ? x.p.id : x[key], b = key === 'pair' ? y.p.id : y[key];
    if (a === b) return x.p.id < y.p.id ? -1 : x.p.id > y.p.id ? 1 : 0;
    if (a === null) return 1;
    if (b === null) return -1;
    return (a < b ? -1 : 1) * dir;
  });
  var body = $('pairs-table').tBodies[0];
  body.textContent = '';
  rows.slice(0, MAX_ROWS).forEach(function (r) {
    var tr = el('tr', { 'data-pair': r.p.id });
    tr.appendChild(el('td', null, r.p.id));
    tr.appendChild(el('td', null, r.names));
    tr.appendChild(el('td', { class: 'num' }, fmt(r.index)));
    tr.appendChild(el('td', { class: 'num' }, fmt(r.coverage)));
    if (featured[r.p.id]) {
      tr.className = 'featured';
      tr.title = 'show this pair below';
      tr.addEventListener('click', function () { showPair(r.p.id, year); });
    }
    body.appendChild(tr);
  });
  var heads = $('pairs-table').tHead.rows[0].cells;
  for (var h = 0; h < heads.length; h++) {
    var k = heads[h].getAttribute('data-sort');
    heads[h].setAttribute('aria-sort', k === sortKey ? (sortDir > 0 ? 'ascending' : 'descending') : 'none');
  }
  $('table-note').textContent = rows.length + ' pairs with a row in ' + year + (rows.length > MAX_ROWS ? '; the first ' + MAX_ROWS + ' are shown (filter to narrow)' : '') + '.';
}
function buildTable() {
  var sel = $('year');
  D.data.table.years.forEach(function (y, i) { var o = el('option', { value: String(i) }, y); sel.appendChild(o); });
  sel.value = String(D.data.table.years.length - 1);
  sel.addEventListener('change', drawTable);
  $('filter').addEventListener('input', drawTable);
  var heads = $('pairs-table').tHead.rows[0].cells;
  for (var h = 0; h < heads.length; h++) {
    heads[h].addEventListener('click', function (ev) {
      var k = ev.currentTarget.getAttribute('data-sort');
      if (k === sortKey) sortDir = -sortDir; else { sortKey = k; sortDir = k === 'pair' || k === 'names' ? 1 : -1; }
      drawTable();
    });
  }
  var all = D.data.table.allYears;
  if (D.data.table.years.length < all.length) {
    $('table-years-note').textContent = 'The page holds the last ' + D.data.table.years.length + ' of the panel\\'s ' + all.length + ' years (' + all[0] + '\\u2013' + all[all.length - 1] + '); alignment.csv has them all.';
  }
}

// ---- pair view
function showPair(pair, year) {
  $('pair-select').value = pair;
  fillPairYears();
  if (year !== undefined) $('pair-year').value = String(year);
  drawPair();
  $('pair-section').scrollIntoView();
}
function fillPairYears() {
  var f = featured[$('pair-select').value];
  var sel = $('pair-year');
  var keep = sel.value;
  sel.textContent = '';
  f.rows.forEach(function (r) { sel.appendChild(el('option', { value: r[2] }, r[2])); });
  if (keep && f.rows.some(function (r) { return r[2] === keep; })) sel.value = keep;
  else if (f.rows.length > 0) sel.value = f.rows[f.rows.length - 1][2];
}
function drawPair() {
  var f = featured[$('pair-select').value];
  var year = $('pair-year').value;
  var row = null;
  f.rows.forEach(function (r) { if (r[2] === year) row = r; });
  var cols = D.data.columns;
  var cell = function (name) { var i = cols.indexOf(name); return i < 0 || !row ? '' : row[i]; };
  var head = $('pair-head');
  head.textContent = '';
  [['state_a', 'state A'], ['state_b', 'state B'], ['year', 'year'], ['index', 'index'], ['index_chained', 'index (chained)'], ['coverage', 'coverage']].filter(function (c) { return cols.indexOf(c[0]) >= 0; }).forEach(function (c) {
    var tr = el('tr');
    tr.appendChild(el('th', null, c[1]));
    tr.appendChild(el('td', { 'data-column': c[0] }, cell(c[0])));
    head.appendChild(tr);
  });
  var body = $('pair-view').tBodies[0];
  body.textContent = '';
  D.indicators.forEach(function (ind) {
    var tr = el('tr');
    tr.appendChild(el('th', null, ind.id));
    tr.appendChild(el('td', null, ind.family + ': ' + ind.measure));
    tr.appendChild(el('td', { class: 'num' }, ind.weight));
    ['_raw', '_norm', '_contrib'].forEach(function (s) { tr.appendChild(el('td', { class: 'num', 'data-column': ind.id + s }, cell(ind.id + s))); });
    body.appendChild(tr);
  });
  var extra = cols.slice(cols.indexOf('coverage') + 1 + 3 * D.indicators.length);
  var ex = $('pair-extras');
  ex.textContent = '';
  extra.forEach(function (c) {
    var tr = el('tr');
    tr.appendChild(el('th', null, c));
    tr.appendChild(el('td', { 'data-column': c }, cell(c)));
    ex.appendChild(tr);
  });
}
function buildPair() {
  var sel = $('pair-select');
  D.data.featured.forEach(function (f) { sel.appendChild(el('option', { value: f.pair }, f.pair)); });
  if (D.data.featured.length === 0) return;
  sel.addEventListener('change', function () { fillPairYears(); drawPair(); });
  $('pair-year').addEventListener('change', drawPair);
  fillPairYears();
  drawPair();
}

// ---- validity and provenance tables
function csvTable(host, t) {
  host.appendChild(el('h3', null, t.file));
  host.appendChild(el('p', null, t.description));
  var table = el('table', { 'data-file': t.file });
  var thead = el('thead');
  var tr = el('tr');
  t.header.forEach(function (h) { tr.appendChild(el('th', null, h)); });
  thead.appendChild(tr);
  table.appendChild(thead);
  var body = el('tbody');
  t.rows.forEach(function (r) { var row = el('tr'); r.forEach(function (c) { row.appendChild(el('td', null, c)); }); body.appendChild(row); });
  table.appendChild(body);
  host.appendChild(table);
  if (t.total > t.rows.length) host.appendChild(el('p', null, 'The first ' + t.rows.length + ' of ' + t.total + ' rows; the file has them all.'));
}
function buildValidity() {
  var host = $('validity-tables');
  if (D.validity.length === 0) { host.appendChild(el('p', null, D.validityNone)); return; }
  D.validity.forEach(function (t) { csvTable(host, t); });
}
function buildProvenance() {
  var list = $('provenance-list');
  D.provenance.forEach(function (p) {
    list.appendChild(el('dt', null, p[0]));
    list.appendChild(el('dd', null, p[1]));
  });
  var body = $('sources-table').tBodies[0];
  D.sources.forEach(function (s) {
    var tr = el('tr');
    tr.appendChild(el('td', null, s.title));
    tr.appendChild(el('td', null, s.path));
    tr.appendChild(el('td', { class: 'hash' }, s.sha256));
    body.appendChild(tr);
  });
  var cites = $('citations-list');
  D.citations.forEach(function (c) { cites.appendChild(el('li', null, c)); });
  $('bibtex').textContent = D.bibtex;
}

buildPicker();
buildTable();
drawTable();
buildPair();
buildValidity();
buildProvenance();
drawChart();
document.body.setAttribute('data-ready', 'true');
})();
`;
}
