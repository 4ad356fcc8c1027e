/* carelens coach: re-check a draft reply in place (the page works without this script).
 *
 * The form is posted exactly as without JavaScript (same URL, same fields); the result
 * section of the answer replaces the one on the page, so the texts, the caret and the
 * scroll position stay where they are. While a check runs the button is marked busy
 * (aria-disabled, not disabled: a disabled button would drop the keyboard focus) and a
 * second press is ignored. Editing a text after a check marks the result out of date and
 * says so once in the status line (not at every key); Ctrl+Enter (Cmd+Enter) checks again.
 * A text over the limit is refused by the server, whose message is shown above the texts
 * and named by the text box it is about (aria-invalid, aria-describedby, as the server
 * writes them), with "Error: " in the window title (a body too large for the server to
 * read at all is explained here). Any other failure falls back to a plain post.
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
  const title = document.title.replace(/^Error: /, "");
  let checked = texts();
  let busy = false;
  let stale = false; // whether the result shown is marked out of date

  const say = (message) => {
    if (status) status.textContent = message;
  };

  // The status line is a live region: it changes only when the result goes out of date or
  // back, so a screen reader does not read it again at every key.
  const markStale = (force = false) => {
    const result = document.getElementById("result");
    if (!result) return;
    const now = texts() !== checked;
    if (now === stale && !force) return;
    stale = now;
    result.classList.toggle("stale", now);
    say(now ? "Edited since the last check: check again to update the result." : "");
  };

  // The text boxes' error marks: as in the server's answer (``page``), or, where there is
  // none to read, on the texts over ``limit`` characters.
  const markFields = (page, limit) => {
    for (const name of ["seeker", "response"]) {
      const field = document.getElementById(name);
      if (!field) continue;
      const hint = `${name}-hint`;
      let invalid = field.value.length > limit;
      let described = invalid ? `coach-error ${hint}` : hint;
      if (page) {
        const answer = page.getElementById(name);
        invalid = Boolean(answer) && answer.getAttribute("aria-invalid") === "true";
        described = (answer && answer.getAttribute("aria-describedby")) || hint;
      }
      if (invalid) field.setAttribute("aria-invalid", "true");
      else field.removeAttribute("aria-invalid");
      field.setAttribute("aria-describedby", described);
    }
  };

  const setBusy = (on) => {
    busy = on;
    form.setAttribute("aria-busy", String(on));
    if (button) button.setAttribute("aria-disabled", String(on));
  };

  form.addEventListener("input", () => markStale());
  form.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (form.reportValidity()) form.requestSubmit ? form.requestSubmit() : form.submit();
    }
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const sent = texts();
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
        const max = Number(form.dataset.maxChars || 0);
        const limit = max.toLocaleString("en");
        const box = document.createElement("div");
        box.className = "note error-box";
        box.id = "coach-error";
        box.setAttribute("role", "alert");
        box.textContent =
          `The texts are far too long to send: each may have at most ${limit} characters. ` +
          "Shorten them and check again.";
        form.prepend(box);
        markFields(null, max);
        document.title = `Error: ${title}`;
        say("Not checked: see the message above the texts.");
        return;
      }
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const alert = page.querySelector("#coach-form .error-box");
      if (alert) form.prepend(document.importNode(alert, true));
      markFields(page);
      document.title = alert ? `Error: ${title}` : title;
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
      markStale(true);
      if (fresh && texts() === checked) say("Checked.");
      if (alert) say("Not checked: see the message above the texts.");
    } catch (error) {
      form.submit(); // a plain post shows whatever the server says
    } finally {
      setBusy(false);
    }
  });
})();
