import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { isCardLane, type JourneyMap, type Lane } from "../src/domain/journey-map.js";

/*
 * The peer for goal 2: the same map content as one static HTML table, with the same card markup the
 * editor uses ([data-card-id] › button.card-text, a "Card text" textarea while editing), so the very same
 * probes measure both. Its few lines of vanilla script swap a card for a textarea and back on Enter:
 * the least work a browser can do for "open this map" and "edit this card".
 */

const STYLE = `
body { font: 14px system-ui, sans-serif; margin: 0; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ddd; vertical-align: top; padding: 6px; }
thead th { position: sticky; top: 0; background: #fff; }
td { width: 248px; min-width: 248px; }
th[scope="row"] { position: sticky; left: 0; background: #fafafa; width: 208px; text-align: left; }
article { border: 1px solid #ccc; border-radius: 6px; padding: 6px; margin-bottom: 6px; }
button.card-text { all: unset; display: block; cursor: text; }
small { color: #666; }
textarea { width: 100%; }
`;

const SCRIPT = `
document.addEventListener("click", (event) => {
  const button = event.target.closest("button.card-text");
  if (!button) return;
  const form = document.createElement("form");
  form.setAttribute("aria-label", "Edit card");
  const area = document.createElement("textarea");
  area.setAttribute("aria-label", "Card text");
  area.value = button.textContent;
  form.append(area);
  button.replaceWith(form);
  area.focus();
  area.addEventListener("keydown", (key) => {
    if (key.key !== "Enter") return;
    key.preventDefault();
    button.textContent = area.value;
    form.replaceWith(button);
  });
});
`;

export function renderPlainTable(map: JourneyMap): string {
  const head = map.stages.map((stage) => `<th scope="col">${escapeHtml(stage.name)}</th>`).join("");
  const rows = map.lanes
    .map((lane) => `<tr><th scope="row">${escapeHtml(lane.title)}</th>${renderCells(map, lane)}</tr>`)
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(map.title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(map.title)}</h1>
<table><thead><tr><th></th>${head}</tr></thead><tbody>
${rows}
</tbody></table>
<script>${SCRIPT}</script></body></html>`;
}

function renderCells(map: JourneyMap, lane: Lane): string {
  return map.stages
    .map((stage) => {
      if (isCardLane(lane)) {
        const cards = (lane.cells[stage.id] ?? []).map(
          (card) =>
            `<article data-card-id="${escapeHtml(card.id)}"><button type="button" class="card-text">${escapeHtml(card.text)}</button><small>${escapeHtml(card.source)}</small></article>`,
        );
        return `<td>${cards.join("")}</td>`;
      }
      if (lane.type === "emotion") {
        const scores = lane.series.map(
          (series) => `${escapeHtml(series.label)}: ${series.points[stage.id]?.score ?? "–"}`,
        );
        return `<td>${scores.join("<br>")}</td>`;
      }
      const values = lane.rows.map((row) => `${escapeHtml(row.name)}: ${row.values[stage.id] ?? "–"}`);
      return `<td>${values.join("<br>")}</td>`;
    })
    .join("");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A tiny static server for the table page, so both pages load over HTTP the same way. */
export async function servePlainTable(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
