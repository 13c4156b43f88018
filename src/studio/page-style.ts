/** The page's CSS. System fonts only: nothing is fetched, and screenshots stay the same. */
export const PAGE_STYLE = `
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 sans-serif; color: #1d2430; background: #f6f7f9; }
header { display: flex; align-items: center; gap: 24px; padding: 10px 20px; background: #123047; color: #fff; }
header h1 { font-size: 18px; margin: 0; }
nav button { background: none; border: 0; color: #c9d6e3; font: inherit; padding: 6px 10px; cursor: pointer; }
nav button.active { color: #fff; border-bottom: 2px solid #5cc8ff; }
main { padding: 16px 20px; }
#error { margin: 12px 20px 0; padding: 10px 14px; background: #fdecea; color: #8a1c12; border: 1px solid #f0b4ad; white-space: pre-wrap; }
.note { color: #4b5563; margin: 0 0 10px; }
.toolbar { display: flex; gap: 10px; align-items: center; margin-bottom: 10px; }
.diagram-wrap, .grid-wrap { overflow: auto; background: #fff; border: 1px solid #d6dbe1; }
svg text { font: 12px monospace; fill: #1d2430; }
svg .table-box rect.body { fill: #fff; stroke: #123047; stroke-width: 1.5; }
svg .table-box rect.head { fill: #123047; }
svg .table-box text.title { fill: #fff; font-weight: bold; }
svg .table-box text.key { fill: #b45309; font-weight: bold; }
svg path.fk-line { fill: none; stroke: #2f80ed; stroke-width: 1.5; }
table.data, #migrations { border-collapse: collapse; background: #fff; }
table.data th, table.data td, #migrations th, #migrations td { border: 1px solid #d6dbe1; padding: 4px 8px; text-align: left; vertical-align: top; }
table.data th small { display: block; color: #6b7280; font-weight: normal; }
table.data td { font-family: monospace; max-width: 320px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; cursor: pointer; }
table.data td.null { color: #9ca3af; font-style: italic; }
table.data td.readonly { cursor: default; }
table.data td.editing { white-space: normal; max-width: none; background: #fffbe6; }
table.data td textarea { width: 320px; height: 90px; font: 12px monospace; }
.state { padding: 1px 8px; border-radius: 10px; font-size: 12px; }
.state-applied { background: #dcfce7; color: #166534; }
.state-pending { background: #fef3c7; color: #92400e; }
.state-edited, .state-missing, .state-out-of-order, .state-unfinished { background: #fee2e2; color: #991b1b; }
.hazard { color: #92400e; }
.hazard b { color: #b45309; }
#check-report h2 { font-size: 15px; margin: 16px 0 6px; }
#check-report pre { background: #0f1b26; color: #e5eef7; padding: 10px 14px; overflow: auto; }
.clean { color: #166534; }
.bad { color: #991b1b; }
`
