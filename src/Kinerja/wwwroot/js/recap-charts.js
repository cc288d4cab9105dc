// Kinerja recap charts (Chart.js 4, served locally). Data comes from <script type="application/json" id="recap-trend">,
// never from inline script: the Content-Security-Policy allows only scripts from this site.
(function () {
  var source = document.getElementById('recap-trend');
  if (!source || typeof Chart === 'undefined') return;
  var trend = JSON.parse(source.textContent || 'null');
  if (!trend) return;
  var palette = ['#0d6efd', '#198754', '#fd7e14', '#6f42c1', '#d63384', '#20c997', '#6c757d', '#dc3545'];
  var percent = function (v) { return v === null || v === undefined ? '' : v.toLocaleString('id-ID', { maximumFractionDigits: 2 }) + ' %'; };

  var objectiveCanvas = document.getElementById('objective-chart');
  if (objectiveCanvas) {
    var datasets = trend.objectives.map(function (o, i) {
      return { type: 'bar', label: o.code, data: o.achievements, backgroundColor: palette[i % palette.length] };
    });
    datasets.push({ type: 'line', label: objectiveCanvas.dataset.labelAgency, data: trend.agency, borderColor: '#212529', backgroundColor: '#212529', tension: 0.2 });
    new Chart(objectiveCanvas, {
      data: { labels: trend.quarters, datasets: datasets },
      options: {
        responsive: true,
        scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return percent(v); } } } },
        plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + percent(c.parsed.y); } } } }
      }
    });
  }

  var indicatorCanvas = document.getElementById('indicator-chart');
  var picker = document.getElementById('trend-indicator');
  if (!indicatorCanvas || !picker || trend.indicators.length === 0) return;
  var labels = indicatorCanvas.dataset;
  trend.indicators.forEach(function (ind, i) {
    var option = document.createElement('option');
    option.value = String(i);
    option.textContent = ind.code + ' · ' + ind.name;
    picker.appendChild(option);
  });
  var chart = null;
  var draw = function () {
    var ind = trend.indicators[Number(picker.value)];
    var sets = [
      { label: labels.labelRealization + ' (' + ind.measure + ')', data: ind.realizations, borderColor: '#0d6efd', backgroundColor: '#0d6efd', spanGaps: false },
    ];
    if (ind.rangeLow !== null && ind.rangeHigh !== null) {
      sets.push({ label: labels.labelLow, data: trend.quarters.map(function () { return ind.rangeLow; }), borderColor: '#6c757d', borderDash: [6, 4], pointRadius: 0 });
      sets.push({ label: labels.labelHigh, data: trend.quarters.map(function () { return ind.rangeHigh; }), borderColor: '#6c757d', borderDash: [6, 4], pointRadius: 0 });
    } else {
      sets.push({ label: labels.labelTarget, data: ind.targets, borderColor: '#fd7e14', backgroundColor: '#fd7e14', borderDash: [6, 4] });
    }
    if (chart) chart.destroy();
    chart = new Chart(indicatorCanvas, { type: 'line', data: { labels: trend.quarters, datasets: sets }, options: { responsive: true } });
  };
  picker.addEventListener('change', draw);
  draw();
})();
