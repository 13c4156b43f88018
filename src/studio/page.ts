import { PAGE_SCRIPT } from './page-script.js'
import { PAGE_STYLE } from './page-style.js'

/** The studio's one page: markup, style and script inline, so it needs no build step and no network. */
export function studioPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tidemark Studio</title>
<link rel="icon" href="data:,">
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
  <h1>Tidemark Studio</h1>
  <nav>
    <button type="button" data-tab="diagram" class="active">Diagram</button>
    <button type="button" data-tab="data">Data</button>
    <button type="button" data-tab="migrations">Migrations</button>
    <button type="button" data-tab="check">Check</button>
  </nav>
</header>
<div id="error" role="alert" hidden></div>
<main>
  <section id="tab-diagram">
    <p class="note" id="diagram-note"></p>
    <div class="diagram-wrap"><svg id="diagram" xmlns="http://www.w3.org/2000/svg"></svg></div>
  </section>
  <section id="tab-data" hidden>
    <div class="toolbar">
      <label>Table <select id="table-select"></select></label>
      <button type="button" id="prev">Previous</button>
      <button type="button" id="next">Next</button>
      <span id="page-info"></span>
    </div>
    <p class="note" id="readonly-note" hidden></p>
    <div class="grid-wrap"><table id="grid"></table></div>
  </section>
  <section id="tab-migrations" hidden>
    <table id="migrations"></table>
  </section>
  <section id="tab-check" hidden>
    <div class="toolbar"><button type="button" id="run-check">Run check</button> <span id="check-state"></span></div>
    <div id="check-report"></div>
  </section>
</main>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`
}
