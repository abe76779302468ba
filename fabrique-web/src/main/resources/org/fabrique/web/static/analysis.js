/* Charts of the analysis pages with ECharts: a heatmap and bars for a code matrix, a network for
   code co-occurrence. The data come from the data-chart attribute. Each chart is sized to its data:
   one band per row, margins as wide as the longest label up to a limit, longer labels cut with "…"
   and shown whole on hover. The network's layout is computed once, then fixed and fitted into the
   picture, so that the screen, the saved SVG and the saved PNG show the same picture: the SVG is
   the chart as drawn, the PNG is that SVG painted at twice the resolution. */
"use strict";

(function () {
  if (!window.echarts) return;
  const charts = new Map();
  const FONT = "12px sans-serif";
  const LABEL_MAX = 220; // the widest a label may be before it is cut, in pixels
  const ROW = 26; // the height of a row of a heatmap or of a bar chart, in pixels
  const measurer = document.createElement("canvas").getContext("2d");

  function textWidth(text) {
    measurer.font = FONT;
    return measurer.measureText(String(text)).width;
  }

  /** The room the longest of these labels needs, at most LABEL_MAX. */
  function labelRoom(labels) {
    return Math.ceil(Math.min(LABEL_MAX, Math.max(0, ...labels.map(textWidth)))) + 12;
  }

  /** An axis label cut at LABEL_MAX with "…", its whole text given on hover (see hover()). */
  function axisLabel(extra) {
    return Object.assign({ width: LABEL_MAX, overflow: "truncate", ellipsis: "…", fontSize: 12 }, extra);
  }

  /** Hovering a cut label shows it whole, as the title of the chart's element. */
  function hover(chart, host) {
    chart.on("mouseover", (params) => {
      if (params.componentType === "xAxis" || params.componentType === "yAxis") host.title = params.value;
    });
    chart.on("mouseout", (params) => {
      if (params.componentType === "xAxis" || params.componentType === "yAxis") host.title = "";
    });
  }

  function draw(el, option) {
    const chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption(Object.assign({ animation: false }, option));
    hover(chart, el);
    charts.set(el.id, { chart, host: el });
    return chart;
  }

  document.querySelectorAll("[data-chart]").forEach((host) => chartOf(host));

  function chartOf(host) {
    const data = JSON.parse(host.dataset.chart);
    if (data.kind === "heatmap") heatmap(host, data);
    else network(host, data);
  }

  function heatmap(host, data) {
    const palette = ["#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"];
    const max = Math.max(1, ...data.values.flat());
    const left = labelRoom(data.rows);
    // Column labels are turned by 30 degrees: they need the sine of their width below the grid.
    const under = Math.ceil(labelRoom(data.columns) * Math.sin(Math.PI / 6)) + 24;
    const top = 40;
    const legend = 60;
    host.style.height = `${top + data.rows.length * ROW + under + legend}px`;
    const cells = [];
    data.values.forEach((row, r) => row.forEach((v, c) => cells.push([c, r, v])));
    draw(host, {
      title: { text: data.title, left: "center", textStyle: { fontSize: 14 } },
      tooltip: {
        position: "top",
        formatter: (p) => `${data.rows[p.value[1]]} × ${data.columns[p.value[0]]} : ${p.value[2]}`,
      },
      grid: { left, right: 40, top, bottom: under + legend },
      xAxis: { type: "category", data: data.columns, triggerEvent: true,
        axisLabel: axisLabel({ rotate: 30, interval: 0 }) },
      yAxis: { type: "category", data: data.rows, inverse: true, triggerEvent: true,
        axisLabel: axisLabel({ interval: 0 }) },
      visualMap: { min: 0, max, calculable: true, orient: "horizontal", left: "center", bottom: 0, inRange: { color: palette } },
      series: [{ type: "heatmap", data: cells, label: { show: data.values.length * data.columns.length <= 400 } }],
    });
    const bars = host.id === "chart" ? document.getElementById("bars") : null;
    if (bars) {
      const legendRows = Math.ceil(data.columns.reduce((w, c) => w + Math.min(LABEL_MAX, textWidth(c)) + 40, 0)
        / Math.max(1, bars.clientWidth - 80));
      const head = 16 + 22 * Math.max(1, legendRows);
      bars.style.height = `${head + data.rows.length * ROW + 40}px`;
      draw(bars, {
        tooltip: { trigger: "axis" },
        legend: { top: 0, textStyle: { width: LABEL_MAX, overflow: "truncate" } },
        grid: { left, right: 40, top: head, bottom: 40 },
        xAxis: { type: "value" },
        yAxis: { type: "category", data: data.rows, inverse: true, triggerEvent: true,
          axisLabel: axisLabel({ interval: 0 }) },
        series: data.columns.map((name, c) => ({
          name, type: "bar", stack: "total", data: data.values.map((row) => row[c]),
        })),
      });
    }
  }

  function network(host, data) {
    const max = Math.max(1, ...data.values.map((row, i) => row[i]));
    const size = (i) => 10 + 30 * Math.sqrt(data.values[i][i] / max);
    const nodes = data.rows.map((name, i) => ({ id: String(i), name, value: data.values[i][i], symbolSize: size(i) }));
    const links = [];
    let strongest = 1;
    data.values.forEach((row, i) => row.forEach((v, j) => {
      if (j > i && v > 0) { links.push({ source: String(i), target: String(j), value: v }); strongest = Math.max(strongest, v); }
    }));
    links.forEach((l) => { l.lineStyle = { width: 1 + 6 * (l.value / strongest) }; });
    // Room for the labels, written to the right of their node: every node is fitted inside.
    const right = labelRoom(data.rows) + 8;
    host.style.height = `${Math.max(420, Math.min(1200, 140 + 60 * Math.sqrt(nodes.length)))}px`;
    const series = {
      type: "graph", roam: false, label: { show: true, position: "right", width: LABEL_MAX,
        overflow: "truncate", ellipsis: "…", fontSize: 12 },
      data: nodes, links, lineStyle: { color: "#888", opacity: 0.7 },
      left: 40, top: 50, bottom: 30, right,
    };
    const chart = draw(host, {
      title: { text: data.title, left: "center", textStyle: { fontSize: 14 } },
      tooltip: { formatter: (p) => (p.dataType === "edge"
        ? `${data.rows[+p.data.source]} — ${data.rows[+p.data.target]} : ${p.data.value}`
        : `${p.data.name} : ${p.data.value}`) },
      series: [Object.assign({}, series, {
        layout: "force", force: { repulsion: 220, edgeLength: [60, 200], layoutAnimation: false },
      })],
    });
    // The force layout ran once, without animation: its positions become the chart's, fixed
    // ("none" fits them into the series' box), so nothing moves or leaves the picture afterwards.
    const laidOut = chart.getModel().getSeriesByIndex(0).getData();
    const fixed = nodes.map((node, i) => {
      const at = laidOut.getItemLayout(i) || [0, 0];
      return Object.assign({}, node, { x: at[0], y: at[1] });
    });
    chart.setOption({ series: [Object.assign({}, series, { layout: "none", data: fixed })] },
      { replaceMerge: ["series"] });
  }

  function save(url, name) {
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
  }

  /** The chart as drawn, as an SVG data URL. */
  function svgOf(id) {
    return charts.get(id).chart.getDataURL({ type: "svg" });
  }

  /** The same SVG painted on a white canvas at twice its size, as a PNG data URL. */
  function pngOf(id) {
    const { host } = charts.get(id);
    const width = host.clientWidth;
    const height = host.clientHeight;
    return new Promise((resolve, reject) => {
      const picture = new Image();
      picture.onload = () => {
        const canvas = document.createElement("canvas");
        canvas.width = width * 2;
        canvas.height = height * 2;
        const context = canvas.getContext("2d");
        context.fillStyle = "#ffffff";
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(picture, 0, 0, canvas.width, canvas.height);
        resolve(canvas.toDataURL("image/png"));
      };
      picture.onerror = reject;
      picture.src = svgOf(id);
    });
  }

  // For the browser tests and for anyone who wants the pictures from the console.
  window.FabriqueCharts = { svgOf, pngOf, ids: () => Array.from(charts.keys()) };

  document.querySelectorAll("[data-chart-export]").forEach((button) => {
    button.addEventListener("click", () => {
      const id = button.dataset.chartFor;
      if (!charts.has(id)) return;
      if (button.dataset.chartExport === "svg") {
        save(svgOf(id), "fabrique-chart.svg");
      } else {
        pngOf(id).then((png) => save(png, "fabrique-chart.png"));
      }
    });
  });

  window.addEventListener("resize", () => charts.forEach((c) => c.chart.resize()));
})();
