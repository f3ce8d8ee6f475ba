/* Report page script (runs in the browser; inlined by render.ts after d3 and Plot). No network, no storage. */
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('report-data').textContent);
  var Plot = window.Plot;
  var d3 = window.d3;

  // ---------- helpers
  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs)
      for (var k in attrs) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) continue;
        if (k === 'text') el.textContent = v;
        else if (k === 'class') el.className = v;
        else if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? '' : v);
      }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }
  function append(el, c) {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) {
      c.forEach(function (x) {
        append(el, x);
      });
      return;
    }
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  var nf = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  function num(x) {
    return x === null || x === undefined ? '' : nf.format(x);
  }
  function day(s) {
    return s ? new Date(s + 'T00:00:00Z') : null;
  }
  function addDays(s, n) {
    return new Date(Date.parse(s + 'T00:00:00Z') + n * 864e5).toISOString().slice(0, 10);
  }
  function clip(s, n) {
    return s.length <= n ? s : s.slice(0, n - 1) + '…';
  }
  function by(xs, key) {
    var m = new Map();
    xs.forEach(function (x) {
      m.set(key(x), x);
    });
    return m;
  }
  function chartWidth(el) {
    return Math.max(260, Math.min(1100, (el.clientWidth || 960) - 4));
  }
  /** Narrow screens (a phone held upright): charts get smaller margins and fewer ticks. */
  function narrow(el) {
    return (el.clientWidth || 960) < 560;
  }
  var siFormat = d3.format('~s');
  /** Axis numbers: 4G, 250M, 12k for large values (SI prefixes), plain below 10,000; never 4,000,000,0006,000,000,000 */
  function si(x) {
    return x === null || x === undefined ? '' : Math.abs(x) < 1e4 ? nf.format(x) : siFormat(x);
  }
  /** A value over its dot: whole below a million (41,276), else three figures with an SI prefix (4.33G); the tooltip has it in full. */
  var short3 = d3.format('.3~s');
  function short(x) {
    return Math.abs(x) < 1e6 ? nf.format(x) : short3(x);
  }
  /** Integer tick values from 1 to max (at most about `k` of them): a legend of counts never shows 2.5 events. */
  function intTicks(max, k) {
    if (max <= k) return d3.range(1, max + 1);
    return d3.ticks(1, max, k).filter(Number.isInteger);
  }
  /** decodeURIComponent that gives the text back unchanged instead of throwing on a malformed escape ("%E0%A4%A"). */
  function decode(s) {
    try {
      return decodeURIComponent(s);
    } catch (err) {
      return s;
    }
  }

  var typeColor = new Map(
    D.vocab.eventTypes.map(function (t) {
      return [t[0], t[1]];
    }),
  );
  var typeDesc = new Map(
    D.vocab.eventTypes.map(function (t) {
      return [t[0], t[2]];
    }),
  );
  var typeOrder = D.vocab.eventTypes.map(function (t) {
    return t[0];
  });
  var actorColor = new Map(D.vocab.actorTypes);
  var articles = by(D.articles, function (a) {
    return a.id;
  });
  var actors = by(D.actors, function (a) {
    return a.id;
  });
  var events = by(D.events, function (e) {
    return e.id;
  });
  var groups = by(D.groups, function (g) {
    return g.id;
  });
  var figureGroup = new Map();
  D.groups.forEach(function (g) {
    g.f.forEach(function (f) {
      figureGroup.set(f.id, g);
    });
  });
  function sentence(k) {
    return D.sentences[k] || '';
  }
  function actorName(id) {
    var a = actors.get(id);
    return a ? a.n : id;
  }

  function articleLabel(id) {
    var a = articles.get(id);
    if (!a) return id;
    var who = a.outlet || (a.url ? a.url.replace(/^https?:\/\/(www\.)?/, '').split('/')[0] : null) || a.title || a.path;
    return clip(who, 32);
  }
  function articleLink(id) {
    var a = articles.get(id);
    var parts = [h('a', { href: '#a-' + id, title: a ? a.title : id, text: articleLabel(id) })];
    if (a && a.url && /^https?:\/\//.test(a.url))
      parts.push(' ', h('a', { href: a.url, class: 'ext', title: 'open the article', rel: 'noopener noreferrer', target: '_blank', text: '↗' }));
    return h('span', { class: 'art' }, parts);
  }
  /** A date span as precise as it is known: "2024", "2024-02", "2024-02-26", "2024-02-26 … 2024-02-28". */
  function dateText(d0, d1, p) {
    if (p === 'year' && d0.slice(5) === '01-01' && (!d1 || d1.slice(0, 4) === d0.slice(0, 4))) return d0.slice(0, 4);
    if (p === 'month' && d0.slice(8) === '01' && (!d1 || d1.slice(0, 7) === d0.slice(0, 7))) return d0.slice(0, 7);
    return d0 + (d1 && d1 !== d0 ? ' … ' + d1 : '');
  }
  function typeChip(t) {
    return h('span', { class: 'chip', style: 'background:' + typeColor.get(t), title: typeDesc.get(t), text: t });
  }
  function highlight(text, word) {
    var i = word ? text.toLowerCase().indexOf(word.toLowerCase()) : -1;
    if (i < 0) return [text];
    return [text.slice(0, i), h('mark', { text: text.slice(i, i + word.length) }), text.slice(i + word.length)];
  }
  function placeholder(el, msg) {
    el.appendChild(h('p', { class: 'empty', text: msg }));
  }
  function reportedRange(e) {
    if (!e.r.length) return null;
    var lo = e.r[0][1],
      hi = e.r[0][2];
    e.r.forEach(function (r) {
      if (r[1] < lo) lo = r[1];
      if (r[2] > hi) hi = r[2];
    });
    return [lo, hi];
  }

  /** Time axis options for a [from, to] window: a tick format suited to the span, never sub-day ticks. */
  function timeAxis(from, to, width) {
    var span = (Date.parse(to) - Date.parse(from)) / 864e5;
    var pad = Math.max(1, Math.round(span * 0.03));
    var fmt;
    // the shortest calendar interval that leaves about 80 px between ticks, so labels such as "Sep 2024" never touch
    // (a tick count is only a hint that d3 rounds to a nice interval, often more ticks than asked)
    var perDay = (width || 800) / (span + 2 * pad || 1);
    /** @type {[number, string][]} */
    var steps = [
      [1, '1 day'],
      [2, '2 days'],
      [7, '1 week'],
      [14, '2 weeks'],
      [30.5, '1 month'],
      [91, '3 months'],
      [182, '6 months'],
      [365.25, '1 year'],
      [730.5, '2 years'],
      [1826, '5 years'],
      [3652, '10 years'],
      [7305, '20 years'],
      [18262, '50 years'],
      [36525, '100 years'],
    ];
    var interval = steps[steps.length - 1][1];
    for (var i = 0; i < steps.length; i++)
      if (steps[i][0] * perDay >= 80) {
        interval = steps[i][1];
        break;
      }
    // the label names the unit of the interval: "Feb 11" for days and weeks, "Feb 2024" for months, "2024" for years
    fmt = /year/.test(interval) ? '%Y' : /month/.test(interval) ? '%b %Y' : span > 366 ? '%-d %b %y' : '%b %-d';
    return { type: 'utc', domain: [day(addDays(from, -pad)), day(addDays(to, pad))], ticks: interval, tickFormat: fmt, label: null };
  }

  // ---------- header
  function renderHeader() {
    var c = D.meta.counts;
    var stats = [
      ['articles', c.articles],
      ['events', c.events],
      ['actors', c.actors],
      ['figures', c.figures],
      ['figure groups', c.figure_groups],
      ['quotes', c.quotes],
      ['duplicates', c.duplicates],
      ['rejects', c.rejects],
    ];
    append(
      document.getElementById('stats'),
      stats.map(function (s) {
        return h('div', { class: 'stat' }, h('b', { text: num(s[1]) }), h('span', { text: s[0] }));
      }),
    );
    document.getElementById('fingerprint').textContent = D.meta.fingerprint.slice(0, 16);
  }

  // ---------- charts
  function typeScale(present) {
    var dom = typeOrder.filter(function (t) {
      return present.has(t);
    });
    return {
      domain: dom,
      range: dom.map(function (t) {
        return typeColor.get(t);
      }),
    };
  }

  function renderOverview() {
    var el = document.getElementById('chart-overview');
    var bins = D.overview.bins;
    var note = document.getElementById('overview-note');
    var parts = ['Events per ' + D.overview.unit + ', by PLOVER type (date_start, else the first report).'];
    if (D.overview.undated) parts.push(num(D.overview.undated) + ' event(s) without any date are only in the table.');
    if (D.overview.coarse)
      parts.push(
        num(D.overview.coarse) +
          ' event(s) known only to the month or year are not counted in a ' +
          D.overview.unit +
          ' (they would pile up on the first day of the period); the timeline below draws them as spans.',
      );
    if (D.window.outside)
      parts.push(num(D.window.outside) + ' event(s) dated outside ' + D.window.from + ' … ' + D.window.to + ' are left out of the charts (see the table).');
    note.textContent = parts.join(' ');
    if (!bins.length) return placeholder(el, 'No event has a date yet.');
    var stack = new Map(),
      present = new Set(),
      rows = [];
    bins
      .slice()
      .sort(function (a, b) {
        return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : typeOrder.indexOf(a[2]) - typeOrder.indexOf(b[2]);
      })
      .forEach(function (b) {
        var y1 = stack.get(b[0]) || 0;
        stack.set(b[0], y1 + b[3]);
        present.add(b[2]);
        rows.push({
          x1: day(b[0]),
          x2: day(b[1]),
          y1: y1,
          y2: y1 + b[3],
          t: b[2],
          n: b[3],
          href: '#events?type=' + b[2] + '&from=' + b[0] + '&to=' + addDays(b[1], -1),
          title: b[2] + ': ' + b[3] + ' event(s), ' + b[0] + ' … ' + addDays(b[1], -1),
        });
      });
    var w = chartWidth(el);
    el.appendChild(
      Plot.plot({
        width: w,
        height: 230,
        marginLeft: 44,
        x: timeAxis(
          bins.reduce(function (m, b) {
            return b[0] < m ? b[0] : m;
          }, bins[0][0]),
          addDays(
            bins.reduce(function (m, b) {
              return b[1] > m ? b[1] : m;
            }, bins[0][1]),
            -1,
          ),
          w - 64,
        ),
        // counts: whole-number ticks only (no "0.5 events")
        y: { label: 'events', grid: true, ticks: d3.ticks(0, Math.max(1, d3.max(Array.from(stack.values()))), 5).filter(Number.isInteger), tickFormat: si },
        color: Object.assign({ legend: true }, typeScale(present)),
        marks: [Plot.rect(rows, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 't', inset: 0.5, href: 'href', title: 'title' }), Plot.ruleY([0])],
      }),
    );
  }

  function renderTimeline() {
    var el = document.getElementById('chart-timeline');
    var note = document.getElementById('timeline-note');
    var evs = D.timeline
      .map(function (id) {
        return events.get(id);
      })
      .filter(Boolean);
    var total = D.window.inside;
    note.textContent =
      'Each dot is an event known to the day (size: articles reporting it; hollow: no date in the text, placed at its first report). ' +
      'Shaded bars are events known only to the month or year, drawn over the whole period rather than on its first day. ' +
      "Thick lines join the different dates articles give for one event (ticks: each article's date); thin lines span an event of several days. " +
      (evs.length < total ? 'Showing the ' + num(evs.length) + ' most reported of ' + num(total) + ' dated events. ' : '') +
      'Click a dot for its row.';
    if (!evs.length) return placeholder(el, 'No event has a date yet.');
    var present = new Set(
      evs.map(function (e) {
        return e.t;
      }),
    );
    var ts = typeScale(present);
    // an event known only to the month or year is a span, never a dot on the 1st
    function coarse(e) {
      return !!e.d0 && (e.p === 'year' || e.p === 'month');
    }
    var bands = evs.filter(coarse).map(function (e) {
      return {
        x1: day(e.d0),
        x2: day(addDays(e.d1 || e.d0, 1)),
        t: e.t,
        href: '#e-' + e.id,
        title: e.t + ' · ' + dateText(e.d0, e.d1, e.p) + ' (known to the ' + e.p + ')\n' + e.s + '\n[' + e.id + ']',
      };
    });
    var pts = evs
      .filter(function (e) {
        return !coarse(e);
      })
      .map(function (e) {
        return {
          x: day(e.d0 || e.fr),
          t: e.t,
          na: e.na,
          approx: !e.d0,
          href: '#e-' + e.id,
          title:
            e.t +
            ' · ' +
            (e.d0 ? e.d0 + (e.d1 && e.d1 !== e.d0 ? ' … ' + e.d1 : '') : 'undated, first reported ' + e.fr) +
            (e.c ? ' · dates differ' : '') +
            '\n' +
            e.s +
            '\n[' +
            e.id +
            ']',
        };
      });
    var spans = [],
      ticks = [];
    evs.forEach(function (e) {
      if (coarse(e) && !e.c) return;
      var rr = e.c ? reportedRange(e) : null;
      if (rr && rr[0] !== rr[1]) {
        spans.push({
          x1: day(rr[0]),
          x2: day(rr[1]),
          t: e.t,
          w: 2.5,
          o: 0.6,
          href: '#e-' + e.id,
          title:
            'Dates reported for ' +
            e.id +
            ':\n' +
            e.r
              .map(function (r) {
                return articleLabel(r[0]) + ': ' + r[1] + (r[2] !== r[1] ? ' … ' + r[2] : '');
              })
              .join('\n'),
        });
        e.r.forEach(function (r) {
          ticks.push({ x: day(r[1]), t: e.t });
        });
      } else if (e.d0 && e.d1 && e.d1 !== e.d0) {
        spans.push({
          x1: day(e.d0),
          x2: day(e.d1),
          t: e.t,
          w: 1,
          o: 0.3,
          href: '#e-' + e.id,
          title: e.id + ': ' + e.d0 + ' … ' + e.d1 + ' (' + e.p + ')\n' + e.s,
        });
      }
    });
    var w = chartWidth(el);
    var xAxis = Object.assign(timeAxis(D.window.from, D.window.to, w - 96), { grid: true });
    el.appendChild(
      Plot.plot({
        width: w,
        height: 50 + 34 * ts.domain.length,
        marginLeft: 96,
        x: xAxis,
        y: { domain: ts.domain, label: null },
        r: { range: pts.length > 300 ? [2, 6] : [3.5, 11] },
        color: ts,
        marks: [
          Plot.barX(bands, {
            x1: 'x1',
            x2: 'x2',
            y: 't',
            fill: 't',
            fillOpacity: 0.16,
            stroke: 't',
            strokeOpacity: 0.5,
            strokeWidth: 0.8,
            insetTop: 6,
            insetBottom: 6,
            href: 'href',
            title: 'title',
            clip: true,
          }),
          Plot.ruleY(
            spans.filter(function (s) {
              return s.w < 2;
            }),
            { y: 't', x1: 'x1', x2: 'x2', stroke: 't', strokeWidth: 1, strokeOpacity: 0.35, href: 'href', title: 'title', clip: true },
          ),
          Plot.ruleY(
            spans.filter(function (s) {
              return s.w >= 2;
            }),
            { y: 't', x1: 'x1', x2: 'x2', stroke: 't', strokeWidth: 2.5, strokeOpacity: 0.6, href: 'href', title: 'title', clip: true },
          ),
          Plot.tickX(ticks, { x: 'x', y: 't', stroke: 't', strokeWidth: 1.5, clip: true }),
          Plot.dot(
            pts.filter(function (p) {
              return !p.approx;
            }),
            {
              x: 'x',
              y: 't',
              r: 'na',
              fill: 't',
              fillOpacity: pts.length > 300 ? 0.6 : 0.8,
              stroke: 'white',
              strokeWidth: 0.8,
              href: 'href',
              title: 'title',
              clip: true,
            },
          ),
          Plot.dot(
            pts.filter(function (p) {
              return p.approx;
            }),
            { x: 'x', y: 't', r: 'na', fill: 'white', stroke: 't', strokeWidth: 1.6, href: 'href', title: 'title', clip: true },
          ),
        ],
      }),
    );
  }

  function renderActors() {
    var el = document.getElementById('chart-actors');
    var top = D.topActors
      .map(function (id) {
        return actors.get(id);
      })
      .filter(Boolean);
    if (!top.length) return placeholder(el, 'No actor takes part in an event yet.');
    var slim = narrow(el);
    var rows = top.map(function (a) {
      return {
        name: clip(a.n, slim ? 18 : 30),
        n: a.ne,
        type: a.t,
        href: '#events?actor=' + encodeURIComponent(a.id),
        title: a.n + ' (' + a.t + (a.co ? ', ' + a.co : '') + '): ' + a.ne + ' event(s), ' + a.nm + ' mention(s)\n[' + a.id + ']',
      };
    });
    var present = new Set(
      rows.map(function (r) {
        return r.type;
      }),
    );
    var dom = D.vocab.actorTypes
      .map(function (t) {
        return t[0];
      })
      .filter(function (t) {
        return present.has(t);
      });
    el.appendChild(
      Plot.plot({
        width: Math.min(560, chartWidth(el)),
        height: 40 + 22 * rows.length,
        marginLeft: slim ? 120 : 190,
        marginRight: 30,
        x: {
          label: 'events',
          grid: true,
          ticks: slim ? 3 : 6,
          tickFormat: function (x) {
            return Number.isInteger(x) ? si(x) : '';
          },
        },
        y: {
          domain: rows.map(function (r) {
            return r.name;
          }),
          label: null,
        },
        color: {
          domain: dom,
          range: dom.map(function (t) {
            return actorColor.get(t);
          }),
          legend: true,
        },
        marks: [
          Plot.barX(rows, { x: 'n', y: 'name', fill: 'type', href: 'href', title: 'title' }),
          Plot.text(rows, {
            x: 'n',
            y: 'name',
            text: function (r) {
              return String(r.n);
            },
            dx: 4,
            textAnchor: 'start',
            fill: '#333',
          }),
          Plot.ruleX([0]),
        ],
      }),
    );
  }

  function renderMatrix() {
    var el = document.getElementById('chart-matrix');
    var cells = [];
    var slim = narrow(el),
      cut = slim ? 14 : 24;
    D.pairs.forEach(function (p) {
      if (p[0] === p[1]) return;
      var a = clip(actorName(p[0]), cut),
        b = clip(actorName(p[1]), cut);
      var href = '#events?actor=' + encodeURIComponent(p[0]) + '&actor=' + encodeURIComponent(p[1]);
      var title = actorName(p[0]) + ' & ' + actorName(p[1]) + ': ' + p[2] + ' shared event(s)';
      cells.push({ x: b, y: a, n: p[2], href: href, title: title }, { x: a, y: b, n: p[2], href: href, title: title });
    });
    if (!cells.length) return placeholder(el, 'No two of the most active actors share an event yet.');
    var names = D.matrixActors.map(function (id) {
      return clip(actorName(id), cut);
    });
    var used = new Set(
      cells.map(function (c) {
        return c.x;
      }),
    );
    names = names.filter(function (n) {
      return used.has(n);
    });
    var margin = slim ? 110 : 170;
    var side = Math.min(26 * names.length, chartWidth(el) - margin - 20);
    var maxN = d3.max(cells, function (c) {
      return c.n;
    });
    el.appendChild(
      Plot.plot({
        width: margin + side + 20,
        height: margin * 0.7 + side,
        marginLeft: margin,
        marginBottom: margin * 0.7,
        x: { domain: names, label: null, tickRotate: -45 },
        y: { domain: names, label: null },
        // counts are whole numbers: the legend ticks are integers (a sqrt ramp would otherwise label 0.5, 1.5 ...)
        color: { scheme: 'blues', type: 'sqrt', domain: [0, maxN], legend: true, label: 'shared events', ticks: intTicks(maxN, slim ? 4 : 6), tickFormat: 'd' },
        marks: [
          Plot.cell(cells, { x: 'x', y: 'y', fill: 'n', inset: 0.5, href: 'href', title: 'title' }),
          Plot.text(cells, {
            x: 'x',
            y: 'y',
            text: function (c) {
              return String(c.n);
            },
            fill: function (c) {
              return c.n > 0 ? '#111' : '#999';
            },
            fontSize: 10,
          }),
        ],
      }),
    );
  }

  // ---------- map: events at their lat/lon on an equirectangular world (x = lon + 180, y = 90 - lat)
  function renderMap() {
    var el = document.getElementById('chart-map');
    var note = document.getElementById('map-note');
    var svg = el.querySelector('svg');
    var placed = D.events.filter(function (e) {
      return e.la !== null && e.lo !== null;
    });
    var at = new Map();
    placed.forEach(function (e) {
      var k = spot(e),
        g = at.get(k);
      if (!g) at.set(k, (g = { k: k, x: e.lo + 180, y: 90 - e.la, gp: e.gp || 3, evs: [] }));
      g.evs.push(e);
      if ((e.gp || 3) < g.gp) g.gp = e.gp;
    });
    var pts = Array.from(at.values()).sort(function (a, b) {
      return b.evs.length - a.evs.length || (a.k < b.k ? -1 : 1);
    });
    var byGp = [0, 0, 0, 0];
    placed.forEach(function (e) {
      byGp[e.gp || 3]++;
    });
    note.textContent =
      num(placed.length) +
      ' of ' +
      num(D.events.length) +
      ' listed event(s) have a place: ' +
      num(byGp[1]) +
      ' at a town, ' +
      num(byGp[2]) +
      ' at a region, ' +
      num(byGp[3]) +
      " at a country's centre (geo_precision 1, 2, 3: solid, ringed, hollow dots; size: events at that point). Click a dot for its events.";
    if (!pts.length) {
      if (svg) svg.style.display = 'none';
      return placeholder(el, 'No event has a place on the map yet.');
    }
    // the view: the points' bounding box with a margin, at least 60 x 30 degrees, 2:1 like the world
    var x0 = d3.min(pts, function (p) {
        return p.x;
      }),
      x1 = d3.max(pts, function (p) {
        return p.x;
      });
    var y0 = d3.min(pts, function (p) {
        return p.y;
      }),
      y1 = d3.max(pts, function (p) {
        return p.y;
      });
    var w = Math.min(360, Math.max(60, (x1 - x0) * 1.25 + 16, ((y1 - y0) * 1.25 + 8) * 2)),
      hgt = w / 2;
    var cx = Math.max(w / 2, Math.min(360 - w / 2, (x0 + x1) / 2)),
      cy = Math.max(hgt / 2, Math.min(180 - hgt / 2, (y0 + y1) / 2));
    var vx = cx - w / 2,
      vy = cy - hgt / 2;
    svg.setAttribute(
      'viewBox',
      [vx, vy, w, hgt]
        .map(function (v) {
          return +v.toFixed(2);
        })
        .join(' '),
    );
    var step = w > 180 ? 30 : w > 90 ? 15 : 10;
    var grat = d3.select(svg).select('g.graticule');
    for (var gx = Math.ceil(vx / step) * step; gx <= vx + w; gx += step)
      grat
        .append('line')
        .attr('x1', gx)
        .attr('x2', gx)
        .attr('y1', vy)
        .attr('y2', vy + hgt);
    for (var gy = Math.ceil(vy / step) * step; gy <= vy + hgt; gy += step)
      grat
        .append('line')
        .attr('x1', vx)
        .attr('x2', vx + w)
        .attr('y1', gy)
        .attr('y2', gy);
    var unit = w / 360;
    var rmax = d3.max(pts, function (p) {
      return p.evs.length;
    });
    var r = function (n) {
      return unit * (3 + 7 * Math.sqrt(n / rmax));
    };
    var dots = d3.select(svg).select('g.dots');
    pts
      .slice()
      .reverse()
      .forEach(function (p) {
        var first = p.evs[0];
        var place = placeText(first);
        var a = dots.append('a').attr('href', p.evs.length === 1 ? '#e-' + first.id : '#events?at=' + p.k);
        a.append('title').text(
          place +
            ' · ' +
            p.evs.length +
            ' event(s)\n' +
            p.evs
              .slice(0, 5)
              .map(function (e) {
                return e.t + ': ' + clip(e.s, 90);
              })
              .join('\n') +
            (p.evs.length > 5 ? '\n… ' + (p.evs.length - 5) + ' more' : ''),
        );
        a.append('circle')
          .attr('cx', +p.x.toFixed(3))
          .attr('cy', +p.y.toFixed(3))
          .attr('r', +r(p.evs.length).toFixed(3))
          .attr('class', 'gp' + p.gp);
      });
  }

  /** "outlet · as-of date" in at most `cut` characters: the outlet is shortened, the date kept whole. */
  function figureLabel(f, cut) {
    var d = f.as || 'no date';
    return clip(articleLabel(f.a), Math.max(4, Math.min(20, cut - d.length - 3))) + ' · ' + d;
  }

  function renderPanels() {
    var el = document.getElementById('chart-figures');
    var ps = D.panels
      .map(function (id) {
        return groups.get(id);
      })
      .filter(Boolean);
    if (!ps.length) return placeholder(el, 'No figures yet.');
    ps.forEach(function (g) {
      var fs = g.f;
      var vals = [];
      fs.forEach(function (f) {
        vals.push(f.v);
        if (f.lo !== null) vals.push(f.lo);
        if (f.hi !== null) vals.push(f.hi);
      });
      var mn = Math.min.apply(null, vals),
        mx = Math.max.apply(null, vals);
      var log = mn > 0 && mx / mn >= 50;
      var domain = mn === mx ? (mn === 0 ? [-1, 1] : [mn - Math.abs(mn) * 0.1, mx + Math.abs(mx) * 0.1]) : undefined;
      var labels;
      var color = g.ok ? '#2c7fb8' : '#c0392b';
      var card = h(
        'div',
        { class: 'panel' + (g.ok ? '' : ' bad') },
        h(
          'div',
          { class: 'panel-head' },
          h('a', { href: '#g-' + g.id, text: g.c + (g.u ? ' · ' + g.u : '') + (g.co ? ' · ' + g.co : '') }),
          h('span', {
            class: 'muted',
            text: ' ' + g.rc + ' report(s), ' + g.ac + ' article(s)' + (fs.length < g.rc ? '; ' + fs.length + ' shown across the range' : ''),
          }),
          g.ok ? null : h('span', { class: 'badge', text: 'inconsistent' }),
        ),
      );
      // one column of panels on a phone, two on a desktop; the tick count follows the room left for the axis
      var avail = el.clientWidth || 1000;
      var panelWidth = Math.max(240, Math.min(540, (avail < 900 ? avail : avail / 2 - 12) - 22));
      var labelMargin = Math.min(200, Math.round(panelWidth * 0.4));
      var cut = Math.max(10, Math.floor(labelMargin / 6.2));
      labels = new Map(
        fs.map(function (f) {
          return [f.id, figureLabel(f, cut)];
        }),
      );
      var plotWidth = panelWidth - labelMargin - 24;
      card.appendChild(
        Plot.plot({
          width: panelWidth,
          height: 44 + 24 * fs.length,
          marginLeft: labelMargin,
          marginRight: 24,
          x: {
            type: log ? 'log' : 'linear',
            domain: domain,
            label: null,
            grid: true,
            inset: 14,
            tickFormat: si,
            ticks: Math.max(2, Math.min(5, Math.floor(plotWidth / 60))),
          },
          y: {
            domain: fs.map(function (f) {
              return f.id;
            }),
            tickFormat: function (id) {
              return labels.get(id);
            },
            label: null,
          },
          marks: [
            Plot.ruleY(
              fs.filter(function (f) {
                return f.lo !== null || f.hi !== null;
              }),
              {
                y: 'id',
                x1: function (f) {
                  return f.lo !== null ? f.lo : f.v;
                },
                x2: function (f) {
                  return f.hi !== null ? f.hi : f.v;
                },
                stroke: color,
                strokeOpacity: 0.45,
                strokeWidth: 6,
                strokeLinecap: 'round',
              },
            ),
            Plot.dot(fs, {
              x: 'v',
              y: 'id',
              r: 5,
              fill: color,
              stroke: 'white',
              href: function (f) {
                return '#f-' + f.id;
              },
              title: function (f) {
                return f.x + ' = ' + num(f.v) + ' (' + f.q + ')' + (f.as ? ' as of ' + f.as : '') + '\n' + sentence(f.k) + '\n[' + f.id + ']';
              },
            }),
            Plot.text(fs, {
              x: 'v',
              y: 'id',
              text: function (f) {
                return short(f.v);
              },
              dy: -9,
              fontSize: 10,
              fill: '#444',
            }),
          ],
        }),
      );
      el.appendChild(card);
    });
  }

  // ---------- tables
  function pagedTable(opts) {
    // opts: {root, head: [..], pageSize, rows(): [], render(row) -> tr, id(row)}
    var page = 0;
    var table = h(
      'table',
      { class: 'data cards' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          opts.head.map(function (t, i) {
            return h('th', { text: t, style: opts.widths ? 'width:' + opts.widths[i] : null });
          }),
        ),
      ),
    );
    var body = h('tbody');
    table.appendChild(body);
    var info = h('span', { class: 'muted' });
    var prev = h('button', {
      type: 'button',
      text: '‹ prev',
      onclick: function () {
        show(page - 1);
      },
    });
    var next = h('button', {
      type: 'button',
      text: 'next ›',
      onclick: function () {
        show(page + 1);
      },
    });
    var pager = h('div', { class: 'pager' }, prev, ' ', next, ' ', info);
    append(opts.root, [h('div', { class: 'scroll' }, table), pager]);
    function show(p) {
      var rows = opts.rows();
      var pages = Math.max(1, Math.ceil(rows.length / opts.pageSize));
      page = Math.max(0, Math.min(p, pages - 1));
      body.textContent = '';
      rows.slice(page * opts.pageSize, (page + 1) * opts.pageSize).forEach(function (r) {
        var tr = opts.render(r);
        // on a phone the table turns into one card per row; each cell says which column it is
        Array.prototype.forEach.call(tr.children, function (td, i) {
          if (opts.head[i]) td.setAttribute('data-label', opts.head[i]);
        });
        body.appendChild(tr);
      });
      if (!rows.length) body.appendChild(h('tr', null, h('td', { colspan: String(opts.head.length), class: 'empty', text: 'No rows.' })));
      info.textContent = rows.length
        ? 'rows ' + num(page * opts.pageSize + 1) + '–' + num(Math.min(rows.length, (page + 1) * opts.pageSize)) + ' of ' + num(rows.length)
        : '';
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
    }
    function reveal(id) {
      var rows = opts.rows();
      var i = rows.findIndex(function (r) {
        return opts.id(r) === id;
      });
      if (i < 0) return false;
      show(Math.floor(i / opts.pageSize));
      return true;
    }
    return {
      show: show,
      reveal: reveal,
      page: function () {
        return page;
      },
    };
  }

  function flash(el) {
    if (!el) return;
    document.querySelectorAll('.hit').forEach(function (x) {
      x.classList.remove('hit');
    });
    el.classList.add('hit');
    el.scrollIntoView({ block: 'center' });
  }

  // events
  var ef = { q: '', type: '', conflict: false, actors: [], from: '', to: '', at: '' };
  function spot(e) {
    return e.la === null || e.lo === null ? '' : e.la.toFixed(2) + ',' + e.lo.toFixed(2);
  }
  function eventMatches(e) {
    if (ef.type && e.t !== ef.type) return false;
    if (ef.conflict && !e.c) return false;
    if (ef.at && spot(e) !== ef.at) return false;
    if (
      ef.actors.length &&
      !ef.actors.every(function (a) {
        return e.ac.indexOf(a) >= 0;
      })
    )
      return false;
    var x = e.d0 || e.fr;
    if (ef.from && (!x || x < ef.from)) return false;
    if (ef.to && (!x || x > ef.to)) return false;
    if (ef.q) {
      var hay = (e.s + ' ' + e.id + ' ' + e.t + ' ' + (e.pl || '') + ' ' + (e.co || '') + ' ' + e.ac.map(actorName).join(' ')).toLowerCase();
      if (hay.indexOf(ef.q.toLowerCase()) < 0) return false;
    }
    return true;
  }
  var eventRows = D.events;
  var GEO = { 1: 'town', 2: 'region', 3: 'country only' };
  function placeText(e) {
    return (e.pl || e.co) + (e.pl && e.co && e.pl !== e.co ? ', ' + e.co : '') + (e.gp ? ' (' + GEO[e.gp] + ')' : '');
  }
  function renderEventRow(e) {
    var date = e.d0
      ? [h('span', { class: 'date', text: dateText(e.d0, e.d1, e.p) }), h('div', { class: 'muted', text: e.p === 'day' ? '' : 'to the ' + e.p })]
      : [h('span', { class: 'muted', text: e.fr ? 'undated (first report ' + e.fr + ')' : 'undated' })];
    if (e.c) date.push(h('div', null, h('span', { class: 'badge', text: 'dates differ' })));
    var ms = e.m.map(function (m) {
      return h(
        'blockquote',
        null,
        highlight(m[1] ? sentence(m[1]) : e.s, m[2]),
        h('div', { class: 'cite' }, '— ', articleLink(m[0]), m[1] ? h('span', { class: 'muted', text: ' sentence ' + m[1].split(':')[1] }) : null),
      );
    });
    return h(
      'tr',
      { id: 'e-' + e.id },
      h('td', null, date),
      h('td', null, typeChip(e.t), h('div', { class: 'muted', text: e.st })),
      h(
        'td',
        { class: 'what' },
        h('div', { text: e.s }),
        e.pl || e.co ? h('div', { class: 'muted', text: 'where: ' + placeText(e) }) : null,
        h(
          'details',
          null,
          h('summary', { text: 'evidence · ' + e.nm + ' mention(s) in ' + e.na + ' article(s)' }),
          ms,
          h('div', { class: 'muted ids' }, 'event_id ', h('code', { text: e.id }), e.pl ? ' · place ' + e.pl : ''),
        ),
      ),
      h(
        'td',
        null,
        e.ac.slice(0, 6).map(function (a) {
          return h('a', { class: 'actor', href: '#events?actor=' + encodeURIComponent(a), text: actorName(a) });
        }),
        e.ac.length > 6 ? h('span', { class: 'muted', text: ' +' + (e.ac.length - 6) }) : null,
      ),
      h(
        'td',
        null,
        e.r.length
          ? h(
              'ul',
              { class: 'plain reported' },
              e.r.map(function (r) {
                return h('li', null, h('span', { class: 'date', text: dateText(r[1], r[2], e.p) }), ' ', articleLink(r[0]));
              }),
            )
          : e.m.map(function (m) {
              return h('div', null, articleLink(m[0]));
            }),
      ),
    );
  }

  var eventsTable, groupsTable, articlesTable;
  var eventControls = {};
  function renderEventsTable() {
    var root = document.getElementById('table-events');
    var present = new Set(
      D.events.map(function (e) {
        return e.t;
      }),
    );
    eventControls.q = h('input', {
      type: 'search',
      placeholder: 'search summary, actors, id…',
      oninput: function () {
        ef.q = eventControls.q.value;
        refreshEvents();
      },
    });
    eventControls.type = h(
      'select',
      {
        onchange: function () {
          ef.type = eventControls.type.value;
          refreshEvents();
        },
      },
      h('option', { value: '', text: 'all types' }),
      typeOrder
        .filter(function (t) {
          return present.has(t);
        })
        .map(function (t) {
          return h('option', { value: t, text: t });
        }),
    );
    eventControls.conflict = h('input', {
      type: 'checkbox',
      onchange: function () {
        ef.conflict = eventControls.conflict.checked;
        refreshEvents();
      },
    });
    eventControls.active = h('span', { class: 'active-filter' });
    append(
      root,
      h(
        'div',
        { class: 'controls' },
        eventControls.q,
        ' ',
        eventControls.type,
        ' ',
        h('label', null, eventControls.conflict, ' dates differ only'),
        ' ',
        h('button', {
          type: 'button',
          text: 'clear filters',
          onclick: function () {
            clearEventFilters();
            refreshEvents();
          },
        }),
        ' ',
        eventControls.active,
      ),
    );
    eventsTable = pagedTable({
      root: root,
      head: ['When', 'Type', 'What (and the sentences it comes from)', 'Actors', 'Dates reported by article'],
      widths: ['11%', '9%', '44%', '17%', '19%'],
      pageSize: 25,
      rows: function () {
        return eventRows;
      },
      render: renderEventRow,
      id: function (e) {
        return e.id;
      },
    });
    refreshEvents();
  }
  function clearEventFilters() {
    ef = { q: '', type: '', conflict: false, actors: [], from: '', to: '', at: '' };
    eventControls.q.value = '';
    eventControls.type.value = '';
    eventControls.conflict.checked = false;
  }
  function refreshEvents(page) {
    eventRows = D.events.filter(eventMatches);
    var act = [];
    if (ef.actors.length) act.push('actors: ' + ef.actors.map(actorName).join(' & '));
    if (ef.from || ef.to) act.push('dates: ' + (ef.from || '…') + ' … ' + (ef.to || '…'));
    if (ef.at) act.push('place: ' + ef.at);
    eventControls.active.textContent = act.join(' · ');
    eventsTable.show(page || 0);
  }

  // figure groups
  function renderFigure(f) {
    var bounds = f.lo !== null || f.hi !== null ? ' [' + num(f.lo) + '–' + num(f.hi) + ']' : '';
    return h(
      'li',
      { id: 'f-' + f.id },
      h('b', { text: num(f.v) }),
      bounds,
      ' ',
      h('span', { class: 'muted', text: f.q + (f.as ? ' · as of ' + f.as : '') }),
      ' ',
      articleLink(f.a),
      f.at ? h('span', { class: 'muted', text: ' · source ' + actorName(f.at) }) : null,
      f.e ? [' · ', h('a', { href: '#e-' + f.e, text: 'event' })] : null,
      h('blockquote', null, highlight(sentence(f.k), f.x)),
      h('div', { class: 'muted ids' }, 'figure_id ', h('code', { text: f.id })),
    );
  }
  function renderGroupRow(g) {
    var omitted = g.rc - g.f.length;
    return h(
      'tr',
      { id: 'g-' + g.id, class: g.ok ? '' : 'bad' },
      h('td', null, g.ok ? h('span', { class: 'ok', text: 'consistent' }) : h('span', { class: 'badge', text: 'inconsistent' })),
      h('td', null, h('b', { text: g.c }), h('div', { class: 'muted', text: (g.u || '') + (g.co ? ' · ' + g.co : '') })),
      h('td', { class: 'num', text: num(g.rc) }),
      h('td', { class: 'num', text: num(g.ac) }),
      h('td', { class: 'num', text: g.min === g.max ? num(g.min) : num(g.min) + ' – ' + num(g.max) }),
      h('td', { class: 'num', text: num(g.lv) + (g.la ? ' (' + g.la + ')' : '') }),
      h(
        'td',
        { class: 'what' },
        h(
          'details',
          null,
          h('summary', { text: g.f.length < g.rc ? g.f.length + ' of ' + g.rc + ' reports (spread of values)' : g.f.length + ' report(s)' }),
          h('ul', { class: 'figs' }, g.f.map(renderFigure)),
          omitted > 0 ? h('div', { class: 'muted', text: omitted + ' more in figures.csv (group_id ' + g.id + ')' }) : null,
          h('div', { class: 'muted ids' }, 'group_id ', h('code', { text: g.id })),
        ),
      ),
    );
  }
  function renderGroupsTable() {
    groupsTable = pagedTable({
      root: document.getElementById('table-groups'),
      head: ['Agreement', 'Measure', 'Reports', 'Articles', 'Values', 'Latest', 'Reports (sentences)'],
      pageSize: 25,
      rows: function () {
        return D.groups;
      },
      render: renderGroupRow,
      id: function (g) {
        return g.id;
      },
    });
    groupsTable.show(0);
  }

  // articles
  function renderArticlesTable() {
    articlesTable = pagedTable({
      root: document.getElementById('table-articles'),
      head: ['Title', 'Outlet', 'Published', 'Source', 'Duplicate of'],
      pageSize: 25,
      rows: function () {
        return D.articles;
      },
      id: function (a) {
        return a.id;
      },
      render: function (a) {
        return h(
          'tr',
          { id: 'a-' + a.id },
          h(
            'td',
            null,
            a.url && /^https?:\/\//.test(a.url)
              ? h('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank', text: a.title || '(no title)' })
              : a.title || '(no title)',
            h('div', { class: 'muted ids' }, h('code', { text: a.id })),
          ),
          h('td', { text: a.outlet || '' }),
          h('td', { class: 'date', text: a.date || '' }),
          h('td', { class: 'path', text: a.path }),
          h('td', null, a.dup ? h('a', { href: '#a-' + a.dup, text: a.dup }) : ''),
        );
      },
    });
    articlesTable.show(0);
  }

  // quality
  function kvTable(head, rows) {
    // in a box of its own that scrolls when a table of large counts is wider than a phone, never the page
    return h(
      'div',
      { class: 'scroll' },
      h(
        'table',
        { class: 'data compact' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            head.map(function (t) {
              return h('th', { text: t });
            }),
          ),
        ),
        h(
          'tbody',
          null,
          rows.length
            ? rows.map(function (r) {
                return h(
                  'tr',
                  null,
                  r.map(function (c) {
                    return h('td', { class: typeof c === 'number' ? 'num' : '', text: typeof c === 'number' ? num(c) : c === null ? '' : String(c) });
                  }),
                );
              })
            : h('tr', null, h('td', { colspan: String(head.length), class: 'empty', text: 'none' })),
        ),
      ),
    );
  }
  function renderQuality() {
    var Q = D.quality,
      root = document.getElementById('quality');
    var i = Q.inputs;
    append(root, [
      h(
        'div',
        { class: 'qgrid' },
        h(
          'div',
          null,
          h('h3', { text: 'Inputs' }),
          kvTable(
            ['', 'count'],
            [
              ['files', i.files],
              ['records', i.records],
              ['articles', i.articles],
              ['duplicates', i.duplicates],
              ['rejects', i.rejects],
            ],
          ),
        ),
        h(
          'div',
          null,
          h('h3', { text: 'Rejects by reason' }),
          kvTable(
            ['reason', 'count', 'meaning'],
            Q.rejects.map(function (r) {
              return [r[0], r[1], r[2]];
            }),
          ),
        ),
        h(
          'div',
          null,
          h('h3', { text: 'Boilerplate removed' }),
          h('p', { class: 'muted', text: num(Q.boilerplate.total) + ' line(s) from ' + num(Q.boilerplate.articles) + ' article(s)' }),
          kvTable(
            ['kind', 'lines'],
            Q.boilerplate.byKind.map(function (r) {
              return [r[0], r[1]];
            }),
          ),
        ),
        h(
          'div',
          null,
          h('h3', { text: 'Duplicates' }),
          kvTable(
            ['kind', 'count'],
            Q.duplicates.byKind.map(function (r) {
              return [r[0], r[1]];
            }),
          ),
          Q.duplicates.list.length
            ? kvTable(
                ['article', 'copy of', 'similarity'],
                Q.duplicates.list.map(function (r) {
                  return [r[0], r[1], r[2]];
                }),
              )
            : null,
        ),
        h(
          'div',
          null,
          h('h3', { text: 'Stages' }),
          kvTable(
            ['stage', 'read', 'written', 'rejected', 'issues'],
            Q.stages.map(function (s) {
              return s.slice();
            }),
          ),
        ),
        h(
          'div',
          null,
          h('h3', { text: 'Issues by code' }),
          kvTable(
            ['stage · code', 'count'],
            Q.issues.map(function (r) {
              return [r[0], r[1]];
            }),
          ),
        ),
        h(
          'div',
          null,
          h('h3', { text: 'Rows per table' }),
          kvTable(
            ['table', 'rows'],
            Q.tables.map(function (r) {
              return [r[0], r[1]];
            }),
          ),
        ),
      ),
      Q.rejectList.length
        ? h(
            'details',
            null,
            h('summary', { text: 'Rejected inputs (' + Q.rejectList.length + ' listed)' }),
            kvTable(
              ['path', 'reason', 'message'],
              Q.rejectList.map(function (r) {
                return [r[0], r[1], r[2]];
              }),
            ),
          )
        : null,
    ]);
  }

  // ---------- navigation: #e-ID, #g-ID, #f-ID, #a-ID, #events?type=..&actor=..&from=..&to=..
  function route() {
    // split first, decode each part after: an actor id may hold "&" or "=", and a malformed escape
    // (a hand-edited or truncated link) is kept as typed instead of throwing
    var raw = location.hash.slice(1);
    if (!raw) return;
    if (raw.indexOf('events?') === 0) {
      clearEventFilters();
      raw
        .slice(7)
        .split('&')
        .forEach(function (kv) {
          var p = kv.split('='),
            k = decode(p[0]),
            v = decode(p.slice(1).join('='));
          if (k === 'type') {
            ef.type = v;
            eventControls.type.value = v;
          } else if (k === 'actor') ef.actors.push(v);
          else if (k === 'from') ef.from = v;
          else if (k === 'to') ef.to = v;
          else if (k === 'at') ef.at = v;
          else if (k === 'conflict') {
            ef.conflict = true;
            eventControls.conflict.checked = true;
          }
        });
      refreshEvents();
      document.getElementById('events-table').scrollIntoView({ block: 'start' });
      return;
    }
    var hash = decode(raw);
    var kind = hash.slice(0, 2),
      id = hash.slice(2);
    if (kind === 'e-') {
      if (!events.has(id)) return;
      if (!eventsTable.reveal(id)) {
        clearEventFilters();
        refreshEvents();
        eventsTable.reveal(id);
      }
      var row = document.getElementById(hash);
      if (row) {
        var d = row.querySelector('details');
        if (d) d.open = true;
      }
      flash(row);
    } else if (kind === 'g-' || kind === 'f-') {
      var g = kind === 'g-' ? groups.get(id) : figureGroup.get(id);
      if (!g || !groupsTable.reveal(g.id)) return;
      var grow = document.getElementById('g-' + g.id);
      var det = grow && grow.querySelector('details');
      if (det) det.open = true;
      flash(document.getElementById(hash));
    } else if (kind === 'a-') {
      if (articlesTable.reveal(id)) flash(document.getElementById(hash));
    }
  }

  function section(fn, name) {
    try {
      fn();
    } catch (err) {
      console.error('report: ' + name + ' failed: ' + ((err && err.stack) || err));
    }
  }
  renderHeader();
  section(renderOverview, 'overview');
  section(renderTimeline, 'timeline');
  section(renderMap, 'map');
  section(renderActors, 'actors');
  section(renderMatrix, 'matrix');
  section(renderPanels, 'figure panels');
  section(renderEventsTable, 'events table');
  section(renderGroupsTable, 'figure groups table');
  section(renderArticlesTable, 'articles table');
  section(renderQuality, 'quality');
  window.addEventListener('hashchange', route);
  route();
  document.documentElement.setAttribute('data-ready', '1');
})();
