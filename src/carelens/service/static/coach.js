/* carelens coach: re-check a draft reply in place (the page works without this script).
 *
 * The form is posted exactly as without JavaScript (same URL, same fields); the result
 * section of the answer replaces the one on the page, so the texts, the caret and the
 * scroll position stay where they are. Editing a text after a check dims the result and
 * says so; Ctrl+Enter (Cmd+Enter) checks again. A text over the limit is refused by the
 * server, whose message is shown above the texts (a body too large for the server to read
 * at all is explained here). Any other failure falls back to a plain post.
 */
(() => {
  "use strict";
  const form = document.getElementById("coach-form");
  if (!form || !window.fetch || !window.DOMParser || !window.URLSearchParams) return;
  const status = document.getElementById("status");
  const button = document.getElementById("check");
  const texts = () => {
    const data = new FormData(form);
    return `${data.get("seeker")}\u0000${data.get("response")}`;
  };
  let checked = texts();
  let busy = false;

  const say = (message) => {
    if (status) status.textContent = message;
  };

  const markStale = () => {
    const result = document.getElementById("result");
    if (!result) return;
    const stale = texts() !== checked;
    result.classList.toggle("stale", stale);
    say(stale ? "Edited since the last check: check again to update the result." : "");
  };

  form.addEventListener("input", markStale);
  form.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (form.reportValidity()) form.requestSubmit ? form.requestSubmit() : form.submit();
    }
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    const sent = texts();
    if (button) button.disabled = true;
    say("Checking…");
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(form)),
        credentials: "same-origin",
        headers: { Accept: "text/html" },
      });
      const oldAlert = form.querySelector(".error-box");
      if (oldAlert) oldAlert.remove();
      if (response.status === 413) {
        // The body is over the server's byte limit (a text far over the character limit):
        // the answer is the API's JSON error, so say it here instead of showing that.
        const limit = Number(form.dataset.maxChars || 0).toLocaleString("en");
        const box = document.createElement("div");
        box.className = "note error-box";
        box.setAttribute("role", "alert");
        box.textContent =
          `The texts are far too long to send: each may have at most ${limit} characters. ` +
          "Shorten them and check again.";
        form.prepend(box);
        say("Not checked: see the message above the texts.");
        return;
      }
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const alert = page.querySelector("#coach-form .error-box");
      if (alert) form.prepend(document.importNode(alert, true));
      const fresh = page.getElementById("result");
      const current = document.getElementById("result");
      if (fresh) {
        const node = document.importNode(fresh, true);
        if (current) current.replaceWith(node);
        else form.after(node);
        checked = sent;
      } else if (!alert) {
        throw new Error(`unexpected answer ${response.status}`);
      }
      markStale();
      if (fresh && texts() === checked) say("Checked.");
      if (alert) say("Not checked: see the message above the texts.");
    } catch (error) {
      form.submit(); // a plain post shows whatever the server says
    } finally {
      busy = false;
      if (button) button.disabled = false;
    }
  });
})();
