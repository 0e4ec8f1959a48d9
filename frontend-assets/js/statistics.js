// Charts of the statistics page and the dashboard, drawn by Chart.js (from its webjar) from the tables under them:
// <canvas data-chart="bar|line" data-table="table-id" data-columns="2,3"> charts the table's first column as the
// labels and the given columns (1-based; default: all the others) as the series, all of one measure (counts) on
// one axis. Lines are drawn straight between points: a smoothed curve rises above the counts it joins. The table stays the accessible,
// exact form of the same figures; the canvas is marked data-rendered once drawn.
(function () {
  'use strict';

  var COLOURS = ['#0d6efd', '#198754', '#dc3545', '#fd7e14', '#6f42c1', '#20c997', '#6c757d', '#d63384'];

  function number(text) {
    var value = parseFloat(String(text).replace(/\s/g, '').replace(',', '.'));
    return isNaN(value) ? 0 : value;
  }

  function draw(canvas) {
    var table = document.getElementById(canvas.getAttribute('data-table'));
    if (!table || typeof Chart === 'undefined') {
      return;
    }
    var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
    var rows = Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (tr) {
      return Array.prototype.map.call(tr.querySelectorAll('td'), function (td) { return td.textContent.trim(); });
    });
    var wanted = canvas.getAttribute('data-columns');
    var columns = wanted ? wanted.split(',').map(function (n) { return parseInt(n, 10) - 1; })
      : headers.map(function (header, index) { return index; }).slice(1);
    var type = canvas.getAttribute('data-chart') || 'bar';
    new Chart(canvas, {
      type: type,
      data: {
        labels: rows.map(function (row) { return row[0]; }),
        datasets: columns.map(function (column, index) {
          return {
            label: headers[column],
            data: rows.map(function (row) { return number(row[column]); }),
            borderColor: COLOURS[index % COLOURS.length],
            backgroundColor: COLOURS[index % COLOURS.length],
            tension: 0,
            pointRadius: rows.length > 40 ? 0 : 2
          };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
    canvas.setAttribute('data-rendered', 'true');
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('canvas[data-chart]'), draw);
  });
})();
