// Export-CurationReport's page script: hands the embedded data to plotly.js (no drawing of its own).
// Status for tests and tools: #status gets data-ready="true", data-map-points (points the map holds)
// and data-errors (script errors caught) once every plot has rendered.
(function () {
  'use strict';
  var status = document.getElementById('status');
  var errorCount = 0;
  function noteError(message) {
    errorCount++;
    status.setAttribute('data-errors', String(errorCount));
    status.setAttribute('data-last-error', String(message));
  }
  window.addEventListener('error', function (e) { noteError(e.message); });
  var consoleError = console.error;
  console.error = function () { noteError(Array.prototype.join.call(arguments, ' ')); return consoleError.apply(console, arguments); };
  window.addEventListener('unhandledrejection', function (e) { noteError(e.reason); });

  var data = JSON.parse(document.getElementById('report-data').textContent);
  var n = data.ids.length;
  var palette = data.palette;
  var config = { responsive: true, displaylogo: false, scrollZoom: true };
  var font = { family: 'DejaVu Sans, Helvetica, Arial, sans-serif', size: 13 };
  var webgl = (function () {
    try { var c = document.createElement('canvas'); return !!(c.getContext('webgl') || c.getContext('experimental-webgl')); }
    catch (e) { return false; }
  })();
  var scatterType = webgl ? 'scattergl' : 'scatter';
  var symbols = ['circle', 'square', 'diamond', 'triangle-up'];
  function colorOf(i) { return palette[i % palette.length]; }
  function symbolOf(i) { return symbols[Math.floor(i / palette.length) % symbols.length]; }
  function fmt(v, digits) { return v === null || v === undefined ? '–' : Number(v).toFixed(digits); }

  var onMap = [];
  for (var i = 0; i < n; i++) if (data.x[i] !== null && data.y[i] !== null) onMap.push(i);
  var rendered = [];

  // ---- map ----------------------------------------------------------------------------------
  var mapDiv = document.getElementById('map');
  var selectionIds = [];
  if (mapDiv) {
    var colorBy = document.getElementById('color-by');
    var viewMode = document.getElementById('view-mode');
    var pick = document.getElementById('pick');
    var hasCluster = onMap.some(function (i) { return data.cluster[i] !== null; });
    var hasEnergy = onMap.some(function (i) { return data.energy[i] !== null; });
    var hasSelected = onMap.some(function (i) { return data.selected[i] === 1; });
    var options = [];
    if (hasCluster) options.push(['cluster', 'cluster']);
    options.push(['group', 'group']);
    if (hasEnergy) options.push(['energy', 'energy per atom']);
    if (hasSelected) options.push(['selected', 'selected']);
    options.forEach(function (o) { var e = document.createElement('option'); e.value = o[0]; e.textContent = o[1]; colorBy.appendChild(e); });
    viewMode.value = onMap.length > data.densityAbove ? 'density' : 'points';

    var clusters = [];
    onMap.forEach(function (i) { var c = data.cluster[i]; if (c !== null && clusters.indexOf(c) < 0) clusters.push(c); });
    clusters.sort(function (a, b) { return a - b; });
    clusters.forEach(function (c) { var e = document.createElement('option'); e.value = 'c:' + c; e.textContent = 'cluster ' + c; pick.appendChild(e); });
    data.groups.forEach(function (g, k) { var e = document.createElement('option'); e.value = 'g:' + k; e.textContent = 'group ' + g; pick.appendChild(e); });
    if (hasSelected) { var e = document.createElement('option'); e.value = 's'; e.textContent = 'selected structures'; pick.appendChild(e); }

    function hoverData(idx) {
      return idx.map(function (i) {
        return [data.ids[i], data.groups[data.group[i]], fmt(data.energy[i], 4), data.cluster[i] === null ? '–' : data.cluster[i]];
      });
    }
    var hover = 'id %{customdata[0]}<br>group %{customdata[1]}<br>E %{customdata[2]} eV/atom<br>cluster %{customdata[3]}<extra></extra>';
    function pointsTrace(idx, name, style) {
      return Object.assign({
        type: scatterType, mode: 'markers', name: name,
        x: idx.map(function (i) { return data.x[i]; }), y: idx.map(function (i) { return data.y[i]; }),
        customdata: hoverData(idx), hovertemplate: hover,
      }, style);
    }
    function markerSize() { return onMap.length > 20000 ? 3 : onMap.length > 2000 ? 5 : 8; }
    function mapTraces() {
      var by = colorBy.value, traces = [];
      if (viewMode.value === 'density') {
        traces.push({
          type: 'histogram2d', name: 'density', x: onMap.map(function (i) { return data.x[i]; }), y: onMap.map(function (i) { return data.y[i]; }),
          nbinsx: 160, nbinsy: 160, colorscale: 'Viridis', reversescale: false, zmin: 0.5,
          colorbar: { title: { text: 'structures per bin' } }, hovertemplate: '%{z} structures<extra></extra>',
        });
      } else if (by === 'energy') {
        traces.push(pointsTrace(onMap, 'structures', {
          marker: { size: markerSize(), color: onMap.map(function (i) { return data.energy[i]; }), colorscale: 'Viridis',
            colorbar: { title: { text: 'eV/atom' } } },
        }));
      } else {
        var key = by === 'cluster' ? function (i) { return data.cluster[i]; }
          : by === 'selected' ? function (i) { return data.selected[i]; } : function (i) { return data.group[i]; };
        var buckets = {}, order = [];
        onMap.forEach(function (i) { var k = key(i); if (!(k in buckets)) { buckets[k] = []; order.push(k); } buckets[k].push(i); });
        order.sort(function (a, b) { return (a === null) - (b === null) || a - b; });
        order.forEach(function (k, t) {
          var name = by === 'cluster' ? (k === null ? 'no cluster' : 'cluster ' + k)
            : by === 'selected' ? (k === 1 ? 'selected' : 'not selected') : data.groups[k];
          var color = by === 'selected' ? (k === 1 ? palette[1] : '#BBBBBB') : (k === null ? '#BBBBBB' : colorOf(t));
          traces.push(pointsTrace(buckets[k], name + ' (' + buckets[k].length + ')',
            { marker: { size: markerSize(), color: color, symbol: by === 'selected' ? 'circle' : symbolOf(t), opacity: 0.85 } }));
        });
      }
      var sel = onMap.filter(function (i) { return data.selected[i] === 1; });
      if (sel.length > 0)
        traces.push(pointsTrace(sel, 'selected (' + sel.length + ')',
          { marker: { size: markerSize() + 5, color: 'rgba(0,0,0,0)', line: { color: '#000000', width: 1.5 } } }));
      traces.push(pointsTrace([], 'picked', { marker: { size: markerSize() + 9, color: 'rgba(0,0,0,0)', line: { color: '#D55E00', width: 2.5 } } }));
      return traces;
    }
    var mapLayout = {
      font: font, dragmode: 'lasso', hovermode: 'closest', legend: { itemsizing: 'constant' },
      margin: { l: 70, r: 20, t: 20, b: 60 },
      xaxis: { title: { text: 'Map coordinate 1 (arb. units)' }, zeroline: false },
      yaxis: { title: { text: 'Map coordinate 2 (arb. units)' }, zeroline: false },
    };
    function countMapPoints() {
      return (mapDiv.data || []).reduce(function (s, t) {
        return t.name === 'density' ? s + t.x.length : (/^selected \(|^picked$/.test(t.name) ? s : s + (t.x ? t.x.length : 0));
      }, 0);
    }
    function drawMap() {
      return Plotly.react(mapDiv, mapTraces(), mapLayout, config).then(function () {
        status.setAttribute('data-map-points', String(countMapPoints()));
        status.setAttribute('data-map-mode', viewMode.value);
        showPicked();
      });
    }

    // Selection: lasso/box region (tested against every point, so the density view selects too) or a cluster/group.
    var picked = [];
    function inPolygon(px, py, xs, ys) {
      var inside = false;
      for (var a = 0, b = xs.length - 1; a < xs.length; b = a++) {
        if (((ys[a] > py) !== (ys[b] > py)) && (px < (xs[b] - xs[a]) * (py - ys[a]) / (ys[b] - ys[a]) + xs[a])) inside = !inside;
      }
      return inside;
    }
    function setSelection(idx, label) {
      picked = idx;
      selectionIds = idx.map(function (i) { return data.ids[i]; });
      document.getElementById('selection-ids').textContent = selectionIds.join('\n');
      document.getElementById('selection-count').textContent = idx.length + ' selected' + (label ? ' (' + label + ')' : '') + ':';
      document.getElementById('copy-ids').disabled = idx.length === 0;
      status.setAttribute('data-selected', String(idx.length));
      showPicked();
    }
    function showPicked() {
      var t = (mapDiv.data || []).findIndex(function (tr) { return tr.name === 'picked'; });
      if (t < 0) return;
      Plotly.restyle(mapDiv, { x: [picked.map(function (i) { return data.x[i]; })], y: [picked.map(function (i) { return data.y[i]; })],
        customdata: [hoverData(picked)] }, [t]);
    }
    function selectRegion(xs, ys, label) {
      setSelection(onMap.filter(function (i) { return inPolygon(data.x[i], data.y[i], xs, ys); }), label);
    }
    function selectBox(x0, x1, y0, y1) { selectRegion([x0, x1, x1, x0], [y0, y0, y1, y1], 'box'); }
    function selectPick(value) {
      var idx, label;
      if (value === 's') { idx = onMap.filter(function (i) { return data.selected[i] === 1; }); label = 'selected structures'; }
      else if (value.charAt(0) === 'c') { var c = Number(value.slice(2)); idx = onMap.filter(function (i) { return data.cluster[i] === c; }); label = 'cluster ' + c; }
      else { var g = Number(value.slice(2)); idx = onMap.filter(function (i) { return data.group[i] === g; }); label = 'group ' + data.groups[g]; }
      setSelection(idx, label);
    }
    document.getElementById('pick-button').addEventListener('click', function () { if (pick.value) selectPick(pick.value); });
    document.getElementById('copy-ids').addEventListener('click', function () {
      var text = selectionIds.join('\n'), area = document.getElementById('selection-ids');
      function fallback() { area.focus(); area.select(); try { document.execCommand('copy'); } catch (e) { /* the ids stay selected in the box */ } }
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).catch(fallback); else fallback();
    });
    colorBy.addEventListener('change', drawMap);
    viewMode.addEventListener('change', drawMap);
    rendered.push(drawMap().then(function () {
      mapDiv.on('plotly_selected', function (ev) {
        if (!ev) return;
        if (ev.lassoPoints) selectRegion(ev.lassoPoints.x, ev.lassoPoints.y, 'lasso');
        else if (ev.range) selectBox(ev.range.x[0], ev.range.x[1], ev.range.y[0], ev.range.y[1]);
      });
      // Deep links (also what the browser test drives): #cluster=3, #group=AIMD, #box=x0,x1,y0,y1
      var h = decodeURIComponent(window.location.hash.slice(1)), m;
      if ((m = /^cluster=(-?\d+)$/.exec(h))) selectPick('c:' + m[1]);
      else if ((m = /^group=(.+)$/.exec(h)) && data.groups.indexOf(m[1]) >= 0) selectPick('g:' + data.groups.indexOf(m[1]));
      else if ((m = /^box=([^,]+),([^,]+),([^,]+),([^,]+)$/.exec(h))) selectBox(+m[1], +m[2], +m[3], +m[4]);
    }));
  }

  // ---- learning curves ------------------------------------------------------------------------
  function drawCurve(divId, points, reference, label, unit) {
    var div = document.getElementById(divId);
    if (!div) return;
    if (points.length === 0) { div.remove(); return; }
    var methods = [];
    points.forEach(function (p) { if (methods.indexOf(p.method) < 0) methods.push(p.method); });
    methods.sort();
    var traces = [];
    methods.forEach(function (m, k) {
      var ps = points.filter(function (p) { return p.method === m && p.median !== null; }).sort(function (a, b) { return a.count - b.count; });
      var band = ps.filter(function (p) { return p.lower !== null && p.upper !== null; });
      if (band.length > 1)
        traces.push({ type: 'scatter', mode: 'lines', line: { width: 0 }, fill: 'toself', fillcolor: colorOf(k) + '33', hoverinfo: 'skip',
          showlegend: false, name: m + ' IQR',
          x: band.map(function (p) { return p.count; }).concat(band.map(function (p) { return p.count; }).reverse()),
          y: band.map(function (p) { return p.upper; }).concat(band.map(function (p) { return p.lower; }).reverse()) });
      traces.push({ type: 'scatter', mode: 'lines+markers', name: m, line: { color: colorOf(k), width: 2.5 },
        marker: { color: colorOf(k), size: 8, symbol: symbolOf(k) },
        x: ps.map(function (p) { return p.count; }), y: ps.map(function (p) { return p.median; }),
        customdata: ps.map(function (p) { return [fmt(p.lower, 2), fmt(p.upper, 2)]; }),
        hovertemplate: m + ': %{x}<br>median %{y:.2f} ' + unit + '<br>IQR %{customdata[0]} – %{customdata[1]}<extra></extra>' });
    });
    var sizes = [];
    points.forEach(function (p) { if (sizes.indexOf(p.count) < 0) sizes.push(p.count); });
    sizes.sort(function (a, b) { return a - b; });
    var shapes = [], annotations = [];
    if (reference !== null && reference !== undefined) {
      shapes.push({ type: 'line', xref: 'paper', x0: 0, x1: 1, y0: reference, y1: reference, line: { color: '#000', width: 1.5, dash: 'dash' } });
      annotations.push({ xref: 'paper', x: 1, y: reference, xanchor: 'right', yanchor: 'bottom', showarrow: false, text: 'all data: ' + fmt(reference, 2) });
    }
    rendered.push(Plotly.newPlot(div, traces, {
      font: font, margin: { l: 70, r: 20, t: 30, b: 60 }, hovermode: 'closest', shapes: shapes, annotations: annotations,
      xaxis: { type: 'log', title: { text: data.curveAxis },
        tickvals: sizes.length <= 12 ? sizes : undefined },
      yaxis: { title: { text: label + ' (' + unit + ')' }, rangemode: 'tozero' },
    }, config));
  }
  drawCurve('curve-energy', data.energyCurve, data.referenceEnergy, 'Test energy RMSE', 'meV/atom');
  drawCurve('curve-force', data.forceCurve, data.referenceForce, 'Test force RMSE', 'meV/Å');

  // Parity legends sit in the upper-left corner, which the y = x line leaves empty.
  var parityLegend = { x: 0.02, y: 0.98, xanchor: 'left', yanchor: 'top', bgcolor: 'rgba(255,255,255,0.8)', itemsizing: 'constant' };

  // ---- parity -------------------------------------------------------------------------------
  var parityDiv = document.getElementById('parity-energy');
  if (parityDiv) {
    var withPrediction = [];
    for (var j = 0; j < n; j++) if (data.predicted[j] !== null && data.energy[j] !== null) withPrediction.push(j);
    var rmseOf = {};
    data.errors.forEach(function (e) { rmseOf[e.group] = e.rmse; });
    var lo = Infinity, hi = -Infinity;
    withPrediction.forEach(function (i) { lo = Math.min(lo, data.energy[i], data.predicted[i]); hi = Math.max(hi, data.energy[i], data.predicted[i]); });
    var pad = 0.05 * (hi - lo) + 1e-9;
    lo -= pad; hi += pad;
    var traces = [{ type: 'scatter', mode: 'lines', name: 'y = x', x: [lo, hi], y: [lo, hi], line: { color: '#666', width: 1.5 }, hoverinfo: 'skip' }];
    data.groups.forEach(function (g, k) {
      var idx = withPrediction.filter(function (i) { return data.group[i] === k; });
      if (idx.length === 0) return;
      traces.push({ type: scatterType, mode: 'markers', name: g + ': RMSE ' + fmt(rmseOf[g], 2) + ' meV/atom',
        marker: { color: colorOf(k), symbol: symbolOf(k), size: withPrediction.length > 2000 ? 4 : 7, opacity: 0.85 },
        x: idx.map(function (i) { return data.energy[i]; }), y: idx.map(function (i) { return data.predicted[i]; }),
        customdata: idx.map(function (i) { return [data.ids[i], fmt(1000 * (data.predicted[i] - data.energy[i]), 2), fmt(data.forceRmse[i], 1)]; }),
        hovertemplate: 'id %{customdata[0]}<br>ΔE %{customdata[1]} meV/atom<br>force RMSE %{customdata[2]} meV/Å<extra></extra>' });
    });
    rendered.push(Plotly.newPlot(parityDiv, traces, {
      font: font, margin: { l: 80, r: 20, t: 40, b: 60 }, hovermode: 'closest', legend: parityLegend,
      xaxis: { title: { text: 'Reference energy per atom (eV/atom)' }, range: [lo, hi] },
      yaxis: { title: { text: 'Predicted energy per atom (eV/atom)' }, range: [lo, hi] },
    }, config));
  }

  // Force and stress components: per group its points (subsampled in C# above densityAbove) and its RMSE over all of them.
  function drawComponentParity(divId, block) {
    var div = document.getElementById(divId);
    if (!div || !block) return;
    var lo = Infinity, hi = -Infinity;
    block.groups.forEach(function (g) {
      for (var k = 0; k < g.x.length; k++) { lo = Math.min(lo, g.x[k], g.y[k]); hi = Math.max(hi, g.x[k], g.y[k]); }
    });
    var pad = 0.05 * (hi - lo) + 1e-9;
    lo -= pad; hi += pad;
    var traces = [{ type: 'scatter', mode: 'lines', name: 'y = x', x: [lo, hi], y: [lo, hi], line: { color: '#666', width: 1.5 }, hoverinfo: 'skip' }];
    block.groups.forEach(function (g) {
      traces.push({ type: scatterType, mode: 'markers', name: g.name + ': RMSE ' + fmt(g.rmse, 2) + ' ' + block.rmseUnit + ' (n = ' + g.n + ')',
        marker: { color: colorOf(g.color), symbol: symbolOf(g.color), size: block.shown > 2000 ? 3 : 6, opacity: 0.7 },
        x: g.x, y: g.y, hovertemplate: g.name + '<br>ref %{x:.4f}<br>pred %{y:.4f} ' + block.unit + '<extra></extra>' });
    });
    var subsampled = block.shown < block.total ? ' (' + block.shown + ' of ' + block.total + ' drawn)' : '';
    status.setAttribute('data-' + divId + '-points', String(block.shown));
    rendered.push(Plotly.newPlot(div, traces, {
      font: font, margin: { l: 80, r: 20, t: 40, b: 60 }, hovermode: 'closest', legend: parityLegend,
      title: { text: 'All: RMSE ' + fmt(block.rmse, 2) + ' ' + block.rmseUnit + subsampled, font: { size: 14 } },
      xaxis: { title: { text: 'Reference ' + block.name + ' (' + block.unit + ')' }, range: [lo, hi], zeroline: false },
      yaxis: { title: { text: 'Predicted ' + block.name + ' (' + block.unit + ')' }, range: [lo, hi], zeroline: false },
    }, config));
  }
  drawComponentParity('parity-force', data.forceParity);
  drawComponentParity('parity-stress', data.stressParity);

  Promise.all(rendered).then(function () {
    status.setAttribute('data-plots', String(rendered.length));
    status.setAttribute('data-webgl', String(webgl));
    status.setAttribute('data-ready', 'true');
  }, function (e) { noteError(e); status.setAttribute('data-ready', 'failed'); });
})();
