/* carelens corpus lists: follow the analysis in place (the page works without this script).
 *
 * While a corpus is queued or running, /explorer and /dashboards carry a note
 * (#progress-note, with the seconds between updates in data-refresh). Every so often this
 * script fetches the same page, as a reload would, and copies each corpus's status,
 * progress and rejected count into the rows already on the page, so keyboard focus, the
 * text cursor and the scroll position stay where they are (a whole-page reload lost them).
 * The note is a polite live region: it speaks only when a corpus's status changes. Once no
 * corpus is being analysed the updates stop. Without JavaScript the page reloads itself
 * instead (a refresh inside <noscript>).
 */
(() => {
  "use strict";
  const note = document.getElementById("progress-note");
  if (!note || !window.fetch || !window.DOMParser) return;
  const seconds = Math.max(1, Number(note.dataset.refresh) || 5);
  const CELLS = ["corpus-status", "corpus-progress", "corpus-rejected"];

  const rows = (root) => {
    const found = new Map();
    for (const row of root.querySelectorAll("table.corpora tbody tr[data-corpus]")) {
      found.set(row.dataset.corpus, row);
    }
    return found;
  };
  const statusOf = (row) => row.querySelector("td.corpus-status")?.textContent.trim() || "";
  const nameOf = (row) => row.querySelector("th")?.textContent.trim() || "a corpus";

  const update = (page) => {
    const fresh = rows(page);
    const current = rows(document);
    const tbody = document.querySelector("table.corpora tbody");
    const changes = [];
    for (const [id, row] of current) {
      if (!fresh.has(id)) row.remove(); // deleted meanwhile
    }
    let before = tbody ? tbody.firstElementChild : null;
    for (const [id, source] of fresh) {
      const row = current.get(id);
      if (!row) {
        // uploaded meanwhile: a new row, in the server's order (newest first)
        if (tbody) tbody.insertBefore(document.importNode(source, true), before);
        changes.push(`${nameOf(source)}: ${statusOf(source)}.`);
        continue;
      }
      if (statusOf(row) !== statusOf(source)) {
        changes.push(`${nameOf(source)}: ${statusOf(source)}.`);
      }
      for (const name of CELLS) {
        const cell = row.querySelector(`td.${name}`);
        const value = source.querySelector(`td.${name}`);
        // these cells hold no link or control, so replacing them moves no focus
        if (cell && value && cell.innerHTML !== value.innerHTML) cell.innerHTML = value.innerHTML;
      }
      before = row.nextElementSibling;
    }
    const busy = page.getElementById("progress-note");
    if (!busy) {
      changes.push("No corpus is being analysed now.");
      note.removeAttribute("data-refresh");
    }
    if (changes.length) note.textContent = changes.join(" ");
    return Boolean(busy);
  };

  const tick = async () => {
    if (document.hidden) {
      setTimeout(tick, seconds * 1000);
      return;
    }
    let again = true;
    try {
      const response = await fetch(window.location.href, {
        credentials: "same-origin",
        headers: { Accept: "text/html" },
        cache: "no-store",
      });
      if (!response.ok) {
        note.textContent =
          `The progress could not be updated (HTTP ${response.status}); ` +
          "reload the page to see it.";
        return;
      }
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      again = update(page);
    } catch (error) {
      again = true; // the server may be restarting: try again at the next turn
    }
    if (again) setTimeout(tick, seconds * 1000);
  };
  setTimeout(tick, seconds * 1000);
})();
