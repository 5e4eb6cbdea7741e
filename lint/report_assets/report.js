// The interactive part of a plancheck report: charts (inline SVG), the table of the documents
// with the most findings, and the filters. Reads the JSON in #report-data; builds every element
// with textContent/setAttribute, never innerHTML, so nothing from a document is parsed as HTML.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var WORST = 10; // rows of the table of documents at first; a button adds more
  var worstShown = WORST;
  var OPEN = 3; // documents a filter unfolds
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var state = { cat: '', rule: '', q: '' };
  var sections = Array.prototype.slice.call(document.querySelectorAll('details.doc'));
  var base = commonFolder(data.docs.map(function (d) { return d.p; }));

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function clip(text, n) { return text.length > n ? text.slice(0, Math.max(1, n - 1)) + '…' : text; }

  // the folder every document is in ('' if none), shown once instead of on every row
  function commonFolder(paths) {
    if (!paths.length) return '';
    var first = paths[0], end = first.lastIndexOf('/') + 1;
    paths.forEach(function (p) {
      while (end > 0 && p.slice(0, end) !== first.slice(0, end)) end = first.lastIndexOf('/', end - 2) + 1;
    });
    return first.slice(0, end);
  }

  function fmt(n) { return n.toLocaleString('en-US'); }

  function plural(n, word) { return fmt(n) + ' ' + word + (n === 1 ? '' : 's'); }

  function categoryOf(rule) { return data.rules[rule] ? data.rules[rule].c : ''; }

  function ruleSelected(rule) {
    return (!state.cat || categoryOf(rule) === state.cat) && (!state.rule || rule === state.rule);
  }

  function filtering() { return Boolean(state.cat || state.rule); }

  function pathMatches(path) { return !state.q || path.toLowerCase().indexOf(state.q) >= 0; }

  // counts over the documents whose path matches the search: [findings, safe, unsafe]
  function tallies() {
    var byRule = {}, byCat = {};
    function add(table, key, v) {
      var t = table[key] || (table[key] = [0, 0, 0]);
      t[0] += v[0]; t[1] += v[1]; t[2] += v[2];
    }
    data.docs.forEach(function (d) {
      if (!pathMatches(d.p)) return;
      Object.keys(d.r).forEach(function (rule) {
        add(byRule, rule, d.r[rule]);
        add(byCat, categoryOf(rule), d.r[rule]);
      });
    });
    return { rule: byRule, cat: byCat };
  }

  // horizontal bars: the pale bar is every finding, the solid one those --fix removes
  function barChart(container, rows, selected, onPick) {
    container.textContent = '';
    if (!rows.length) {
      container.appendChild(el('p', { 'class': 'empty' }, 'No findings.'));
      return;
    }
    // drawn at the container's own width, so the 12px text stays 12px
    var width = Math.max(360, Math.floor(container.clientWidth || 640) - 16);
    var rowH = 24, labelW = Math.min(290, Math.round(width * 0.45)), countW = 56, barW = width - labelW - countW;
    var max = Math.max.apply(null, rows.map(function (r) { return r.n; }));
    var chart = svg('svg', {
      'class': 'bars', viewBox: '0 0 ' + width + ' ' + (rows.length * rowH + 4),
      width: width, height: rows.length * rowH + 4, role: 'list'
    });
    rows.forEach(function (r, i) {
      var g = svg('g', {
        'class': 'row' + (selected === r.key ? ' sel' : '') + (selected && selected !== r.key ? ' dim' : ''),
        transform: 'translate(0,' + (i * rowH + 2) + ')', 'data-key': r.key, tabindex: '0', role: 'listitem'
      });
      g.appendChild(svg('title', {}, r.title));
      g.appendChild(svg('rect', { 'class': 'hit', x: 0, y: 0, width: width, height: rowH }));
      var label = svg('text', { x: labelW - 10, y: rowH / 2 + 4, 'text-anchor': 'end', 'class': 'label' });
      label.appendChild(svg('tspan', { 'class': 'key' }, r.label));
      if (r.sub) label.appendChild(svg('tspan', { 'class': 'sub', dx: 6 }, clip(r.sub, Math.floor((labelW - 70) / 6.6))));
      g.appendChild(label);
      var w = Math.max(2, r.n / max * barW);
      g.appendChild(svg('rect', { 'class': 'bar', x: labelW, y: 4, width: w, height: rowH - 8, rx: 3, fill: r.color }));
      if (r.safe) {
        g.appendChild(svg('rect', {
          'class': 'bar-fix', x: labelW, y: 4, width: Math.max(1, r.safe / max * barW), height: rowH - 8, rx: 3, fill: r.color
        }));
      }
      g.appendChild(svg('text', { x: labelW + w + 6, y: rowH / 2 + 4, 'class': 'count' }, fmt(r.n)));
      g.addEventListener('click', function () { onPick(r.key); });
      g.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onPick(r.key); }
      });
      chart.appendChild(g);
    });
    container.appendChild(chart);
  }

  function drawCharts(t) {
    var cats = Object.keys(t.cat).sort(function (a, b) { return t.cat[b][0] - t.cat[a][0] || (a < b ? -1 : 1); });
    barChart(document.getElementById('chart-cat'), cats.map(function (c) {
      var info = data.categories[c] || { zh: '', color: '#868e96' };
      var v = t.cat[c];
      return {
        key: c, label: c, sub: info.zh, n: v[0], safe: v[1], color: info.color,
        title: c + ' ' + info.zh + ': ' + fmt(v[0]) + ' findings, ' + fmt(v[1]) + ' fixable with --fix, ' + fmt(v[2]) + ' with --unsafe-fixes'
      };
    }), state.cat, function (key) { setFilter({ cat: state.cat === key ? '' : key, rule: '' }); });
    var rules = Object.keys(t.rule).filter(function (r) { return !state.cat || categoryOf(r) === state.cat; });
    rules.sort(function (a, b) { return t.rule[b][0] - t.rule[a][0] || (a < b ? -1 : 1); });
    barChart(document.getElementById('chart-rule'), rules.map(function (r) {
      var info = data.rules[r] || { n: '', c: '', s: '' };
      var v = t.rule[r];
      var color = (data.categories[info.c] || { color: '#868e96' }).color;
      return {
        key: r, label: r, sub: info.n, n: v[0], safe: v[1], color: color,
        title: r + ' ' + info.n + ' (' + info.c + ', ' + info.s + '): ' + fmt(v[0]) + ' findings, ' + fmt(v[1]) + ' fixable with --fix'
      };
    }), state.rule, function (key) { setFilter({ rule: state.rule === key ? '' : key }); });
  }

  function docCount(d) {
    var n = 0, safe = 0, perCat = {};
    Object.keys(d.r).forEach(function (rule) {
      if (!ruleSelected(rule)) return;
      n += d.r[rule][0];
      safe += d.r[rule][1];
      var c = categoryOf(rule);
      perCat[c] = (perCat[c] || 0) + d.r[rule][0];
    });
    return { n: n, safe: safe, perCat: perCat };
  }

  function drawWorst() {
    var box = document.getElementById('worst-table');
    box.textContent = '';
    var rows = data.docs.map(function (d) { return { d: d, c: docCount(d) }; })
      .filter(function (x) { return x.c.n > 0 && pathMatches(x.d.p); });
    rows.sort(function (a, b) { return b.c.n - a.c.n || (a.d.p < b.d.p ? -1 : 1); });
    if (!rows.length) {
      box.appendChild(el('p', { 'class': 'empty' }, 'No document has a finding that matches the filter.'));
      return;
    }
    var table = el('table', { 'class': 'worst' });
    var head = el('tr');
    [['#'], ['document'], ['findings'], ['fixable', 'safely, with --fix'], ['by category'], ['left', 'after fixing']].forEach(function (h) {
      head.appendChild(el('th', h[1] ? { title: h[1] } : {}, h[0]));
    });
    table.appendChild(el('thead')).appendChild(head);
    var body = el('tbody');
    var max = rows[0].c.n;
    rows.slice(0, worstShown).forEach(function (x, i) {
      var tr = el('tr');
      tr.appendChild(el('td', { 'class': 'num' }, String(i + 1)));
      var name = el('td', { 'class': 'path', title: x.d.p });
      var shortName = x.d.p.slice(base.length);
      if (x.d.a !== null && x.d.a !== undefined) {
        var link = el('a', { href: '#d' + x.d.a }, shortName);
        link.addEventListener('click', function () { openDoc(x.d.a); });
        name.appendChild(link);
      } else {
        name.appendChild(el('span', { 'class': 'unshown', title: x.d.p + ' (not shown below: --max-documents)' }, shortName));
      }
      tr.appendChild(name);
      tr.appendChild(el('td', { 'class': 'num' }, fmt(x.c.n)));
      tr.appendChild(el('td', { 'class': 'num' }, fmt(x.c.safe)));
      var barCell = el('td', { 'class': 'mini' });
      var bar = el('div', { 'class': 'minibar', style: 'width:' + Math.max(2, x.c.n / max * 100) + '%' });
      Object.keys(x.c.perCat).sort().forEach(function (c) {
        var info = data.categories[c] || { color: '#868e96', zh: '' };
        bar.appendChild(el('span', {
          style: 'flex-grow:' + x.c.perCat[c] + ';background:' + info.color,
          title: c + ' ' + info.zh + ': ' + fmt(x.c.perCat[c])
        }));
      });
      barCell.appendChild(bar);
      tr.appendChild(barCell);
      tr.appendChild(el('td', { 'class': 'num' }, fmt(x.d.left)));
      body.appendChild(tr);
    });
    table.appendChild(body);
    box.appendChild(table);
    var foot = el('p', { 'class': 'note' });
    if (base) foot.appendChild(document.createTextNode('Documents in ' + base + '. '));
    if (rows.length > worstShown) {
      foot.appendChild(document.createTextNode('The ' + fmt(worstShown) + ' of ' + fmt(rows.length) + ' documents with findings. '));
      var more = el('button', { type: 'button', 'class': 'more' }, 'Show ' + fmt(Math.min(25, rows.length - worstShown)) + ' more');
      more.addEventListener('click', function () { worstShown += 25; drawWorst(); });
      foot.appendChild(more);
    }
    if (foot.childNodes.length) box.appendChild(foot);
  }

  function markMatches(rules) {
    return rules.split(' ').some(ruleSelected);
  }

  // with a filter on, each document's text opens at its first highlight that matches
  function scrollToFirstMatch(section) {
    var first = section.querySelector('pre.text mark.f:not(.off)');
    var box = first && first.closest('.scroll');
    if (box) box.scrollTop = Math.max(0, first.offsetTop - 48); // .scroll is the offset parent
  }

  function filterSections() {
    var shown = 0;
    sections.forEach(function (section) {
      var rules = section.getAttribute('data-rules');
      var visible = pathMatches(section.getAttribute('data-path').toLowerCase()) && (!filtering() || markMatches(rules));
      section.hidden = !visible;
      if (!visible) return;
      shown += 1;
      if ((filtering() || state.q) && shown <= OPEN) section.open = true; // what the filter found is in view
      section.querySelectorAll('tr.fr').forEach(function (tr) {
        tr.hidden = filtering() && !ruleSelected(tr.getAttribute('data-r'));
      });
      section.querySelectorAll('mark.f').forEach(function (m) {
        m.classList.toggle('off', filtering() && !markMatches(m.getAttribute('data-r')));
      });
      if (filtering()) scrollToFirstMatch(section);
    });
    document.getElementById('no-docs').hidden = shown > 0 || !sections.length;
    return shown;
  }

  function summarize(t, shown) {
    var total = 0, docs = 0;
    Object.keys(t.rule).forEach(function (r) { if (ruleSelected(r)) total += t.rule[r][0]; });
    data.docs.forEach(function (d) { if (pathMatches(d.p) && docCount(d).n) docs += 1; });
    var text = plural(total, 'finding') + ' in ' + plural(docs, 'document');
    if (filtering() || state.q) text += (total === 1 ? ' matches' : ' match') + ' the filter';
    if (sections.length) text += ' · ' + fmt(shown) + ' of ' + fmt(sections.length) + ' shown below';
    document.getElementById('f-summary').textContent = text;
  }

  function fillSelects(t) {
    var cat = document.getElementById('f-cat'), rule = document.getElementById('f-rule');
    while (cat.options.length > 1) cat.remove(1);
    while (rule.options.length > 1) rule.remove(1);
    Object.keys(data.categories).forEach(function (c) {
      if (!t.cat[c] && state.cat !== c) return;
      cat.appendChild(el('option', { value: c }, c + ' ' + data.categories[c].zh + ' (' + fmt((t.cat[c] || [0])[0]) + ')'));
    });
    Object.keys(data.rules).forEach(function (r) {
      if ((!t.rule[r] && state.rule !== r) || (state.cat && categoryOf(r) !== state.cat)) return;
      rule.appendChild(el('option', { value: r }, r + ' ' + data.rules[r].n + ' (' + fmt((t.rule[r] || [0])[0]) + ')'));
    });
    cat.value = state.cat;
    rule.value = state.rule;
  }

  function update() {
    var t = tallies();
    fillSelects(t);
    drawCharts(t);
    drawWorst();
    summarize(t, filterSections());
  }

  function setFilter(changes) {
    Object.keys(changes).forEach(function (k) { state[k] = changes[k]; });
    if (state.rule && state.cat && categoryOf(state.rule) !== state.cat) state.rule = '';
    update();
  }

  function openDoc(index) {
    var section = document.getElementById('d' + index);
    if (section) section.open = true;
  }

  function findInText(row) {
    var section = row.closest('details.doc');
    var index = row.getAttribute('data-f');
    var marks = section.querySelectorAll('mark.f');
    for (var i = 0; i < marks.length; i += 1) {
      if (marks[i].getAttribute('data-f').split(' ').indexOf(index) >= 0) {
        marks[i].scrollIntoView({ block: 'center' });
        marks[i].classList.remove('flash');
        void marks[i].offsetWidth; // restart the animation
        marks[i].classList.add('flash');
        return;
      }
    }
  }

  document.getElementById('f-cat').addEventListener('change', function (e) { setFilter({ cat: e.target.value }); });
  document.getElementById('f-rule').addEventListener('change', function (e) {
    var rule = e.target.value;
    setFilter({ rule: rule, cat: rule ? categoryOf(rule) : state.cat });
  });
  document.getElementById('f-q').addEventListener('input', function (e) {
    setFilter({ q: e.target.value.trim().toLowerCase() });
  });
  document.getElementById('f-badges').addEventListener('change', function (e) {
    document.body.classList.toggle('no-badges', !e.target.checked);
  });
  document.getElementById('f-reset').addEventListener('click', function () {
    document.getElementById('f-q').value = '';
    setFilter({ cat: '', rule: '', q: '' });
  });
  document.addEventListener('click', function (e) {
    var row = e.target.closest && e.target.closest('tr.fr');
    if (row && !row.classList.contains('beyond')) findInText(row);
  });
  window.addEventListener('hashchange', function () {
    var m = /^#d(\d+)$/.exec(location.hash);
    if (m) openDoc(m[1]);
  });

  // what a test (or a curious reader) can ask of the page
  window.plancheckReport = { setFilter: setFilter, state: state };

  update();
  var status = document.getElementById('status');
  var problems = window.__reportProblems || [];
  if (!problems.length) {
    status.setAttribute('data-status', 'ok');
    status.textContent = 'ok';
  }
})();
