/* Charts of the analysis pages with ECharts: a heatmap and bars for a code matrix, a network for
   code co-occurrence. The data come from the data-chart attribute; the charts are drawn as SVG
   and can be saved as SVG or PNG for publications. */
"use strict";

(function () {
  if (!window.echarts) return;
  const charts = new Map();
  document.querySelectorAll("[data-chart]").forEach((host) => chartOf(host));

  function chartOf(host) {
  const data = JSON.parse(host.dataset.chart);
  const palette = ["#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"];
  const max = Math.max(1, ...data.values.flat());

  function draw(el, option) {
    const chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption(option);
    charts.set(el.id, { chart, option, host: el });
    return chart;
  }

  if (data.kind === "heatmap") {
    const cells = [];
    data.values.forEach((row, r) => row.forEach((v, c) => cells.push([c, r, v])));
    draw(host, {
      title: { text: data.title, left: "center", textStyle: { fontSize: 14 } },
      tooltip: { position: "top" },
      grid: { left: 160, right: 40, top: 40, bottom: 100 },
      xAxis: { type: "category", data: data.columns, axisLabel: { rotate: 30 } },
      yAxis: { type: "category", data: data.rows, inverse: true },
      visualMap: { min: 0, max, calculable: true, orient: "horizontal", left: "center", bottom: 0, inRange: { color: palette } },
      series: [{ type: "heatmap", data: cells, label: { show: data.values.length * data.columns.length <= 400 } }],
    });
    const bars = host.id === "chart" ? document.getElementById("bars") : null;
    if (bars) {
      draw(bars, {
        tooltip: { trigger: "axis" },
        legend: { type: "scroll", top: 0 },
        grid: { left: 160, right: 40, top: 40, bottom: 40 },
        xAxis: { type: "value" },
        yAxis: { type: "category", data: data.rows, inverse: true },
        series: data.columns.map((name, c) => ({
          name, type: "bar", stack: "total", data: data.values.map((row) => row[c]),
        })),
      });
    }
  } else {
    const nodes = data.rows.map((name, i) => ({
      id: String(i), name, value: data.values[i][i], symbolSize: 10 + 30 * Math.sqrt(data.values[i][i] / max),
    }));
    const links = [];
    let strongest = 1;
    data.values.forEach((row, i) => row.forEach((v, j) => {
      if (j > i && v > 0) { links.push({ source: String(i), target: String(j), value: v }); strongest = Math.max(strongest, v); }
    }));
    links.forEach((l) => { l.lineStyle = { width: 1 + 6 * (l.value / strongest) }; });
    draw(host, {
      title: { text: data.title, left: "center", textStyle: { fontSize: 14 } },
      tooltip: {},
      series: [{
        type: "graph", layout: "force", roam: true, draggable: true, label: { show: true, position: "right" },
        force: { repulsion: 220, edgeLength: [60, 200] }, data: nodes, links,
        lineStyle: { color: "#888", opacity: 0.7 },
      }],
    });
  }

  }

  function save(url, name) {
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
  }

  document.querySelectorAll("[data-chart-export]").forEach((button) => {
    button.addEventListener("click", () => {
      const type = button.dataset.chartExport;
      const found = charts.get(button.dataset.chartFor);
      if (!found) return;
      const { chart, option, host } = found;
      if (type === "svg") {
        save(chart.getDataURL({ type: "svg" }), "fabrique-chart.svg");
        return;
      }
      // PNG: draw the same chart once on a canvas, off screen, at twice the resolution
      const el = document.createElement("div");
      el.style.cssText = `position:absolute;left:-10000px;width:${host.clientWidth}px;height:${host.clientHeight}px`;
      document.body.append(el);
      const canvas = echarts.init(el, null, { renderer: "canvas", devicePixelRatio: 2 });
      canvas.setOption(Object.assign({}, option, { animation: false }));
      save(canvas.getDataURL({ type: "png", backgroundColor: "#ffffff", pixelRatio: 2 }), "fabrique-chart.png");
      canvas.dispose();
      el.remove();
    });
  });

  window.addEventListener("resize", () => charts.forEach((c) => c.chart.resize()));
})();
