/// The report's inline stylesheet: system fonts only, readable on screen and on paper.
extension HTMLReport {
    static let css = """
        :root { --ink:#1d2733; --muted:#5b6875; --line:#d9e0e7; --soft:#f3f6f9; --accent:#0b5cad; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1320px; padding: 28px 32px 40px; color: var(--ink);
          font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; background: #fff; }
        header { border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-bottom: 18px; }
        .kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--accent); font-weight: 600; }
        h1 { margin: 4px 0 2px; font-size: 28px; }
        .sub { margin: 0; color: var(--muted); }
        h2 { font-size: 19px; margin: 0 0 2px; }
        section { margin: 26px 0; break-inside: avoid-page; }
        .intro { margin: 0 0 10px; color: var(--muted); max-width: 900px; }
        .cards { display: grid; grid-template-columns: repeat(6, 1fr); gap: 12px; }
        .card { background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
        .card .label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
        .card .value { font-size: 24px; font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .card .note { font-size: 12px; color: var(--muted); }
        table.data { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
        table.data th, table.data td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
        table.data th { background: var(--soft); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
        table.data td.num, table.data th.num { text-align: right; white-space: nowrap; }
        table.data tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
        .mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; white-space: nowrap; }
        .badge { display: inline-block; padding: 1px 7px; border-radius: 9px; background: #fde8d7; color: #8a3b00; font-size: 12px; font-weight: 600; white-space: nowrap; }
        .legend { display: flex; gap: 18px; margin: 4px 0 8px; font-size: 12px; color: var(--muted); }
        .legend span::before { content: ""; display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -2px; background: var(--c); }
        .chart { width: 100%; height: auto; display: block; }
        .chart text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; fill: var(--ink); }
        .chart .region { font-weight: 600; font-size: 12px; }
        .chart .month { fill: var(--muted); }
        .heat { width: auto; min-width: 70%; }
        .heat td.cell { text-align: center; font-weight: 600; min-width: 90px; }
        .heat td.cell small { display: block; font-weight: 400; color: var(--muted); }
        .two { display: grid; grid-template-columns: 1fr; gap: 22px; }
        .bar { position: relative; height: 12px; width: 100%; background: var(--soft); border: 1px solid var(--line); border-radius: 3px; min-width: 120px; }
        .bar i { position: absolute; left: 0; top: 0; bottom: 0; background: var(--accent); border-radius: 2px; }
        .pos { color: #0a7a3d; } .neg { color: #b3261e; }
        h3 { font-size: 15px; margin: 0 0 6px; }
        footer { margin-top: 30px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
        @media (max-width: 900px) { .cards { grid-template-columns: repeat(3, 1fr); } }
        @media print {
          body { max-width: none; padding: 0; font-size: 11px; }
          .cards { grid-template-columns: repeat(6, 1fr); }
          section { break-inside: avoid; }
          table.data tr { break-inside: avoid; }
          @page { size: A4 landscape; margin: 12mm; }
        }
        """
}

/// Styles of the monitoring section, added to the page only when the section is shown (so a report
/// without delivery records keeps its bytes).
extension HTMLReport {
    static let monitoringCSS = """

        .mon-legend span::before { border: 1.5px solid var(--b, transparent); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        .mon-legend span.cancel { --c: repeating-linear-gradient(45deg, #b3261e 0 2px, #fdecea 2px 5px); --b: #b3261e; }
        .mon-legend span.pale { --c: #e3eaf1; --b: #8a97a5; }
        .flag { color: #b3261e; font-weight: 700; }
        table.data tr.under td { background: #fdf3f2; }
        table.data td.share svg { display: block; }
        #under-40 { margin: 4px 0 0 18px; padding: 0; }
        .muted { color: var(--muted); font-size: 12px; }
        .mon h3 { margin: 18px 0 6px; }
        .mon h3:first-child { margin-top: 4px; }
        """
}
