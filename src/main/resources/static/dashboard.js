/* The dashboard's charts (/register/dashboard): each .chart element carries its figures as JSON in data-chart
   (the page's CSP runs no inline script); drawn with Apache ECharts, served by the application (webjar). */
(function () {
  'use strict';
  var ROW = 34; // px per facility of a horizontal bar chart, so that a city's facilities stay readable

  function option(chart) {
    var horizontal = chart.kind === 'bars';
    var category = { type: 'category', data: chart.categories, axisLabel: { interval: 0 } };
    var value = { type: 'value', minInterval: 1 };
    if (horizontal) {
      category.inverse = true; // the first facility on top, as in the CSV
    } else if (chart.kind === 'line') {
      category.axisLabel = { formatter: function (day) { return day.substring(5); } };
    } else {
      category.axisLabel = { interval: 0, rotate: 20 };
    }
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: chart.series.map(function (s) {
        return {
          name: s.name, data: s.data, type: chart.kind === 'line' ? 'line' : 'bar',
          stack: chart.stacked ? 'total' : undefined,
          label: { show: chart.kind !== 'line', position: chart.stacked ? 'inside' : 'right',
                   formatter: function (p) { return p.value ? p.value : ''; } }
        };
      })
    };
  }

  document.querySelectorAll('.chart[data-chart]').forEach(function (element) {
    var chart = JSON.parse(element.getAttribute('data-chart'));
    if (chart.kind === 'bars') {
      element.style.height = Math.max(220, 90 + ROW * chart.categories.length) + 'px';
    }
    var instance = echarts.init(element, null, { renderer: 'canvas' });
    instance.setOption(option(chart));
    window.addEventListener('resize', function () { instance.resize(); });
  });
}());
